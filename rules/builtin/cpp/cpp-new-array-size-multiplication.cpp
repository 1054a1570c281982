#include <cstdint>
#include <memory>
#include <vector>
#define TILE 16

void image(std::size_t width, std::size_t height) {
    // ruleid: cpp-new-array-size-multiplication
    auto *pixels = new std::uint8_t[width * height * 4];
    // ruleid: cpp-new-array-size-multiplication
    auto rows = std::make_unique<int[]>(width * height);
    // ok: cpp-new-array-size-multiplication
    auto *row = new std::uint8_t[width];
    // ok: cpp-new-array-size-multiplication
    auto *tile = new int[TILE * TILE];
    // ok: cpp-new-array-size-multiplication
    std::vector<std::uint8_t> safe; if (height == 0 || width <= SIZE_MAX / height) safe.resize(width * height);
    delete[] pixels; delete[] row; delete[] tile;
}
