// `--output FILE`: the report is written to a temporary file beside FILE and renamed over it when
// complete, so FILE never holds half a report (a CI step reading it, a crash mid-run) and a
// run that dies keeps the previous report. Special files (/dev/stdout, a FIFO) are written
// directly; a symbolic link's target is replaced, not the link.
#pragma once

#include <fstream>
#include <string>

namespace hanmark {

class OutputFile {
 public:
  OutputFile() = default;
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  ~OutputFile();  // removes the temporary file of a report never committed

  // False, with the reason in `error`, when FILE cannot be written.
  bool open(const std::string& path, std::string& error);
  std::ostream& stream() { return stream_; }
  // Flushes the report and puts it in place; false with the reason in `error`.
  bool commit(std::string& error);

 private:
  std::string target_;
  std::string temp_;  // empty when writing the target directly
  unsigned mode_ = 0644;
  std::ofstream stream_;
};

}  // namespace hanmark
