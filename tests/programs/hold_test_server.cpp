// A test program that starts a TestServer (tests/support/test_server.h), prints
// "<server pid> <port>" on a line of its own, and holds the server until its standard input
// closes. TestServerLifetime kills it with SIGKILL and checks that the server goes with it.
#include <iostream>
#include <stdexcept>

#include "support/test_server.h"

int main() {
  try {
    mdsc::testing::TestServer server;
    std::cout << server.pid() << ' ' << server.port() << std::endl;
    std::cin.get();
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "hold_test_server: " << e.what() << '\n';
    return 1;
  }
}
