# Install layout and the Debian package. docs/install.md describes both.
#
#   <prefix>/bin/hanmark
#   <prefix>/share/hanmark/dictionaries/*.{dic,tsv,toml}   read at run time (src/core/data_files.h)
#   <prefix>/share/hanmark/rules/<category>/*.md           `hanmark explain`
#   <prefix>/share/doc/hanmark/                            README, LICENSE, docs, examples
include(GNUInstallDirs)

set(HANMARK_DATA_INSTALL_DIR ${CMAKE_INSTALL_DATADIR}/hanmark)
install(TARGETS hanmark RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# The same files as are embedded (HANMARK_DICTIONARIES and HANMARK_RULE_DOCS, CMakeLists.txt).
install(FILES ${HANMARK_DICTIONARIES} DESTINATION ${HANMARK_DATA_INSTALL_DIR}/dictionaries)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/rules/ DESTINATION ${HANMARK_DATA_INSTALL_DIR}/rules
        FILES_MATCHING PATTERN "*.md")
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/LICENSE
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${PROJECT_SOURCE_DIR}/dictionaries/README.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR}/dictionaries)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/examples DESTINATION ${CMAKE_INSTALL_DOCDIR})

# hanmark finds its data from its own location, so an installed tree works under any prefix
# (cmake --install --prefix, a .deb, a copied tree): the path from bindir to the data directory.
file(RELATIVE_PATH HANMARK_DATA_RELATIVE_DIR ${CMAKE_INSTALL_FULL_BINDIR}
     ${CMAKE_INSTALL_FULL_DATADIR}/hanmark)
set_property(SOURCE ${PROJECT_SOURCE_DIR}/src/core/data_files.cpp APPEND PROPERTY
             COMPILE_DEFINITIONS HANMARK_DATA_RELATIVE_DIR="${HANMARK_DATA_RELATIVE_DIR}")

# cpack -G DEB: hanmark_<version>_<arch>.deb installing to /usr.
set(HANMARK_MAINTAINER "The hanmark authors <hanmark@example.invalid>"
    CACHE STRING "the .deb's Maintainer field")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME hanmark)
set(CPACK_PACKAGE_VENDOR "The hanmark authors")
set(CPACK_PACKAGE_CONTACT ${HANMARK_MAINTAINER})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "Markdown linter and editorial assistant for Korean/English posts")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${HANMARK_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_PACKAGE_HOMEPAGE_URL ${HANMARK_HOMEPAGE})
# The Description's long part; CPack puts the summary above it.
set(CPACK_PACKAGE_DESCRIPTION
    "hanmark lints Markdown posts that mix Korean prose with English terms and
code: typos, Korean spacing and particles, speech level, term consistency,
punctuation, invisible characters and Markdown structure, with compiler-style
diagnostics, JSON output and safe fixes.")
# The shared libraries' packages come from dpkg-shlibdeps (package dpkg-dev). hunspell's
# dictionaries are loaded at run time, so no tool can see them: without hunspell-en-us English
# words are not checked; without hunspell-ko, korean-spelling finds nothing and josa skips Hangul
# nouns, silently. Both are Depends: apt's --no-install-recommends (usual in CI images, where a
# linter runs) would drop a Recommends, and a Korean linter should not quietly lose checks.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "hunspell-en-us, hunspell-ko")

include(CPack)
