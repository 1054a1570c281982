#include <functional>
#include <string>
#include <thread>

std::function<std::string()> greeter(const std::string name) {
    std::string greeting = "hello " + name;
    // ruleid: cpp-return-lambda-capturing-by-reference
    return [&] { return greeting; };
}

std::function<std::string()> greeter_ok(std::string name) {
    // ok: cpp-return-lambda-capturing-by-reference
    return [name] { return "hello " + name; };
}

void spawn(int job) {
    // ruleid: cpp-return-lambda-capturing-by-reference
    std::thread([&] { run(job); }).detach();
    // ok: cpp-return-lambda-capturing-by-reference
    std::thread([job] { run(job); }).detach();
    // ok: cpp-return-lambda-capturing-by-reference
    std::thread t([&] { run(job); }); t.join();
}
