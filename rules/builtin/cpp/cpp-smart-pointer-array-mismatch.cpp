#include <memory>

void buffers(std::size_t n) {
    // ruleid: cpp-smart-pointer-array-mismatch
    std::unique_ptr<char> buf(new char[n]);
    // ruleid: cpp-smart-pointer-array-mismatch
    std::shared_ptr<int> ints{new int[n]};
    // ok: cpp-smart-pointer-array-mismatch
    std::unique_ptr<char[]> good(new char[n]);
    // ok: cpp-smart-pointer-array-mismatch
    auto made = std::make_unique<char[]>(n);
    // ok: cpp-smart-pointer-array-mismatch
    std::unique_ptr<int> one(new int(42));
}
