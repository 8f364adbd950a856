#include "cli/app.h"

int main(int argc, char** argv) {
  return hanmark::run_cli(argc, argv);
}
