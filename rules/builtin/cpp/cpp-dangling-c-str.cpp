#include <string>

const char *label(int id, const std::string &prefix) {
    // ruleid: cpp-dangling-c-str
    const char *text = std::to_string(id).c_str();
    // ruleid: cpp-dangling-c-str
    const char *full = (prefix + "-" + std::to_string(id)).c_str();
    // ok: cpp-dangling-c-str
    std::string name = prefix + std::to_string(id);
    // ok: cpp-dangling-c-str
    const char *kept = name.c_str();
    // ok: cpp-dangling-c-str
    static const std::string fallback = "unknown";
    (void)text; (void)full; (void)kept;
    // ruleid: cpp-dangling-c-str
    return std::string(prefix).c_str();
}
