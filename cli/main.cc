// main.cc: the vigil command-line tool.
#include <cstdio>

int main() {
  std::puts("vigil " VIGIL_VERSION);
  return 0;
}
