#pragma once
// Reading back what the documents module wrote, with the tools a clerk's machine
// has: pdftotext and pdfinfo (poppler-utils) for PDF, unzip for an .xlsx (a zip of
// XML parts). Each runs as a real process.

#include <filesystem>
#include <string>

namespace test {

// The text of a PDF as `pdftotext -layout` gives it, every run of blanks and line
// breaks made one space (a wrapped sentence reads whole; table cells stay in line).
std::string pdf_text(const std::filesystem::path& pdf);
// Its page count, from `pdfinfo`.
int pdf_pages(const std::filesystem::path& pdf);
// One part of a zip file, from `unzip -p`.
std::string zip_entry(const std::filesystem::path& zip, const std::string& entry);
// How many times `what` occurs in `text`.
std::size_t occurrences(const std::string& text, const std::string& what);

}  // namespace test
