;;; eglot_check.el --- Emacs + eglot 1.9 as a client of `hanmark lsp`  -*- lexical-binding: t -*-
;;
;; Run by tests/integration/lsp_eglot.sh:
;;   HANMARK_LSP_CMD='["/path/hanmark","lsp"]' LSP_FILE=post.md LSP_OUT=out.json \
;;     emacs --batch -Q -l eglot_check.el
;;
;; eglot 1.9 (Debian 12's elpa-eglot) speaks UTF-16 columns only and sends
;; workspace/didChangeConfiguration right after `initialized'.  In batch mode Flymake's timers
;; and file notifications do not run, so this script reads the raw publishDiagnostics, asks for
;; code actions itself (with an empty context, as eglot does when Flymake shows nothing in the
;; region) and sends the didChange eglot would send after its idle delay.  Checks: the finding on
;; "Enginner" in a Hangul line lands on exactly that word in the buffer, the quick fix applied by
;; eglot fixes exactly it, the re-publish drops it, and eglot accepted the server's file watcher.
;; Exit 0 when all checks pass, 1 when one fails, 2 on a timeout or a server that did not start.

(require 'package)
;; -Q skips Debian's site-start: point package.el at the Debian elpa directory.
(add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa")
(package-initialize)
(require 'eglot)
(require 'json)

(defvar hc-publishes nil "publishDiagnostics params, newest first.")
(defvar hc-report nil)
(defvar hc-failures nil)

(cl-defmethod eglot-handle-notification :before
  (_server (_method (eql textDocument/publishDiagnostics)) &key uri diagnostics &allow-other-keys)
  (push (list :uri uri :diagnostics diagnostics) hc-publishes))

(defun hc-check (name ok &optional detail)
  (push (list :name name :ok (if ok t :json-false)) hc-report)
  (unless ok (push (format "%s: %S" name detail) hc-failures))
  ok)

(defun hc-finish (code)
  (with-temp-file (getenv "LSP_OUT")
    (insert (json-encode (list :checks (vconcat (reverse hc-report))
                               :failures (vconcat (reverse hc-failures))))))
  (ignore-errors (eglot-shutdown (eglot-current-server)))
  (kill-emacs (if (and (= code 0) hc-failures) 1 code)))

(defun hc-wait (predicate seconds)
  (let ((deadline (+ (float-time) seconds)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall predicate)))

(defun hc-region-text (diagnostic)
  (pcase-let ((`(,beg . ,end) (eglot--range-region (plist-get diagnostic :range))))
    (buffer-substring-no-properties beg end)))

(defun hc-hangul-typo (uri)
  "The latest publish's typo finding for URI that sits on a line with Hangul."
  (let ((latest (seq-find (lambda (p) (equal (plist-get p :uri) uri)) hc-publishes)))
    (seq-find (lambda (d)
                (and (equal (plist-get d :code) "typo")
                     (save-excursion
                       (goto-char (car (eglot--range-region (plist-get d :range))))
                       (string-match-p "\\cj\\|[가-힣]" (buffer-substring (line-beginning-position)
                                                                          (line-end-position))))))
              (and latest (plist-get latest :diagnostics)))))

(let* ((cmd (append (json-parse-string (getenv "HANMARK_LSP_CMD") :array-type 'array) nil))
       (file (expand-file-name (getenv "LSP_FILE")))
       (dir (file-name-directory file))
       (project (cons 'transient dir)))
  (setq eglot-sync-connect 30 eglot-connect-timeout 30 eglot-autoshutdown t)
  ;; Outside a VCS checkout project-current finds nothing and eglot would not manage the buffer.
  (add-hook 'project-find-functions (lambda (_dir) project))
  (find-file file)
  (text-mode)
  (condition-case err
      (eglot '(text-mode) project 'eglot-lsp-server cmd "markdown")
    (error (push (format "eglot could not start the server: %S" err) hc-failures)
           (hc-finish 2)))
  (let* ((server (eglot-current-server))
         (uri (plist-get (eglot--TextDocumentIdentifier) :uri)))
    (unless server
      (push "the server did not answer initialize" hc-failures)
      (hc-finish 2))
    (hc-check "UTF-16: no positionEncoding negotiation with eglot 1.9"
              (member (plist-get (eglot--capabilities server) :positionEncoding) '(nil "utf-16"))
              (plist-get (eglot--capabilities server) :positionEncoding))
    (unless (hc-wait (lambda () (hc-hangul-typo uri)) 30)
      (push "no typo finding on a Hangul line within 30 s" hc-failures)
      (hc-finish 2))
    (let* ((target (hc-hangul-typo uri))
           (line-before (save-excursion
                          (goto-char (car (eglot--range-region (plist-get target :range))))
                          (buffer-substring-no-properties (line-beginning-position) (line-end-position))))
           (seen (length hc-publishes)))
      (hc-check "eglot puts the finding on exactly 'Enginner'"
                (equal (hc-region-text target) "Enginner") (hc-region-text target))
      (hc-check "the finding links its rule's documentation"
                (plist-get (plist-get target :codeDescription) :href))
      (let* ((actions (jsonrpc-request server :textDocument/codeAction
                                       (list :textDocument (eglot--TextDocumentIdentifier)
                                             :range (plist-get target :range)
                                             :context (list :diagnostics []))))
             (fix (seq-find (lambda (a) (equal (plist-get a :title) "replace with 'Engineer'"))
                            actions)))
        (unless (hc-check "a quick fix from an empty context" (plist-get fix :edit)
                          (mapcar (lambda (a) (plist-get a :title)) actions))
          (hc-finish 1))
        (eglot--apply-workspace-edit (plist-get fix :edit))
        (hc-check "eglot's edit replaced exactly the word"
                  (save-excursion
                    (goto-char (point-min))
                    (search-forward (string-replace "Enginner" "Engineer" line-before) nil t))
                  (buffer-string))
        ;; What eglot does after its idle delay, which does not run in batch mode.
        (eglot--signal-textDocument/didChange)
        (hc-check "the re-publish drops the fixed finding"
                  (hc-wait (lambda () (and (> (length hc-publishes) seen) (not (hc-hangul-typo uri))))
                           30)
                  (car hc-publishes))))
    (hc-check "eglot accepted the server's configuration file watcher"
              (gethash "hanmark-watch-configuration" (eglot--file-watches server))))
  (hc-finish 0))
