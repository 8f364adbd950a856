#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdlib>

int main(int argc, char** argv) {
  // Run directly rather than through CTest (which sets it too), the tests and the hanmark
  // processes they start still keep compiled lexicons out of the user's cache.
  ::setenv("HANMARK_CACHE_DIR", HANMARK_TEST_CACHE_DIR, 0);
  doctest::Context context(argc, argv);
  return context.run();
}
