# Every dependency is a Debian package; a missing one stops the configure step
# with the package to install, so nobody has to guess from a linker error.
find_package(PkgConfig)

macro(rasd_require found debian_package what)
  if(NOT ${found})
    message(FATAL_ERROR "rasd needs ${what}: install the Debian package '${debian_package}' (apt-get install ${debian_package}), or run scripts/setup.sh")
  endif()
endmacro()

find_package(ICU 70 COMPONENTS uc i18n data QUIET)
rasd_require(ICU_FOUND libicu-dev "ICU (uc, i18n)")

find_package(re2 QUIET CONFIG)
if(NOT re2_FOUND)
  if(PkgConfig_FOUND)
    pkg_check_modules(RE2 QUIET IMPORTED_TARGET re2)
  endif()
  rasd_require(RE2_FOUND libre2-dev "RE2")
  add_library(re2::re2 ALIAS PkgConfig::RE2)
endif()

find_package(LibXml2 QUIET)
rasd_require(LibXml2_FOUND libxml2-dev "libxml2")

find_package(SQLite3 QUIET)
rasd_require(SQLite3_FOUND libsqlite3-dev "SQLite 3")

find_package(ZLIB QUIET)
rasd_require(ZLIB_FOUND zlib1g-dev "zlib")

find_package(CLI11 QUIET CONFIG)
rasd_require(CLI11_FOUND libcli11-dev "CLI11")

find_package(nlohmann_json 3 QUIET CONFIG)
rasd_require(nlohmann_json_FOUND nlohmann-json3-dev "nlohmann-json")

if(PkgConfig_FOUND)
  pkg_check_modules(POPPLER_CPP QUIET IMPORTED_TARGET poppler-cpp)
endif()
rasd_require(POPPLER_CPP_FOUND libpoppler-cpp-dev "poppler's C++ interface (PDF input)")

find_package(Threads REQUIRED)

if(RASD_BUILD_TESTS)
  find_package(GTest QUIET)
  rasd_require(GTest_FOUND libgtest-dev "GoogleTest")
endif()
if(RASD_BUILD_BENCH)
  find_package(benchmark QUIET CONFIG)
  rasd_require(benchmark_FOUND libbenchmark-dev "Google Benchmark")
endif()

# Inflating .gz and .warc.gz: ISA-L's igzip, about twice zlib's speed on
# WARC members (bench/crawl_bench BM_Inflate).
pkg_check_modules(ISAL QUIET IMPORTED_TARGET libisal)
rasd_require(ISAL_FOUND libisal-dev "ISA-L (igzip)")
if(RASD_BUILD_BENCH)
  # The crawl bench sets libdeflate beside igzip and zlib.
  pkg_check_modules(LIBDEFLATE QUIET IMPORTED_TARGET libdeflate)
  rasd_require(LIBDEFLATE_FOUND libdeflate-dev "libdeflate")
endif()
