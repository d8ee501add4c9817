#include "documents/tools.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <regex>
#include <sys/wait.h>

namespace test {

namespace {

// Runs a command line of fixed program names and test-made paths (no user input),
// returning its standard output; fails the test when it does not exit with 0.
std::string output_of(const std::string& command) {
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::string out;
    std::array<char, 65536> buffer{};
    std::size_t n = 0;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), n);
    const int status = pclose(pipe);
    INFO(command);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    return out;
}

std::string quoted(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

}  // namespace

std::string pdf_text(const std::filesystem::path& pdf) {
    const std::string text = output_of("pdftotext -layout -enc UTF-8 " + quoted(pdf) + " -");
    // Paragraphs wrap where the page ends a line: one space for every run of blanks,
    // so a sentence reads as one whatever its line breaks.
    std::string flat;
    for (char c : text) {
        const bool blank = c == ' ' || c == '\n' || c == '\f' || c == '\t' || c == '\r';
        if (!blank) {
            flat += c;
        } else if (!flat.empty() && flat.back() != ' ') {
            flat += ' ';
        }
    }
    return flat;
}

int pdf_pages(const std::filesystem::path& pdf) {
    const std::string info = output_of("pdfinfo " + quoted(pdf));
    std::smatch m;
    REQUIRE(std::regex_search(info, m, std::regex("Pages:\\s+(\\d+)")));
    return std::stoi(m[1].str());
}

std::string zip_entry(const std::filesystem::path& zip, const std::string& entry) {
    // unzip reads the name as a pattern: brackets ("[Content_Types].xml") are escaped.
    std::string pattern;
    for (char c : entry) {
        if (c == '[' || c == ']') pattern += '\\';
        pattern += c;
    }
    return output_of("unzip -p " + quoted(zip) + " '" + pattern + "'");
}

std::size_t occurrences(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

}  // namespace test
