#include "import_job.hpp"

#include <cemetery/csv.hpp>
#include <cemetery/backup.hpp>
#include <cemetery/register.hpp>

#include <fstream>
#include <sstream>

namespace gui {

ImportPreview preview_import_file(const std::filesystem::path& file, std::size_t max_rows) {
    ImportPreview preview;
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        preview.error = "cannot read the file";
        return preview;
    }
    std::string sample(64 * 1024, '\0');
    in.read(sample.data(), static_cast<std::streamsize>(sample.size()));
    sample.resize(static_cast<std::size_t>(in.gcount()));
    preview.scan = cemetery::scan_encoding(sample, {.max_stray_lines = 5, .sample = true});
    preview.encoding = preview.scan.encoding;
    if (preview.scan.wide) return preview;  // nothing of it can be read as text
    std::string text = cemetery::to_utf8(sample, preview.encoding);
    if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
    preview.separator = cemetery::detect_separator(std::string_view(text).substr(0, text.find('\n')));
    std::istringstream stream(text);
    cemetery::CsvReader reader(stream, preview.separator);
    std::vector<std::string> fields;
    try {
        while (preview.rows.size() < max_rows && reader.next(fields)) {
            for (auto& f : fields) cemetery::unguard_cell(f);  // as the import will read them
            preview.rows.push_back(fields);
        }
    } catch (const cemetery::CsvError& e) {
        // The sample may end inside a quoted field: the rows read so far stand.
        if (preview.rows.empty()) preview.error = e.what();
    }
    return preview;
}

ImportJob::ImportJob(std::filesystem::path database, std::shared_ptr<const cemetery::Regulation> regulation,
                     std::filesystem::path file, bool dry_run, std::function<void(std::size_t, std::size_t)> progress,
                     std::function<void(Result)> done)
    : dry_run_(dry_run) {
    thread_ = std::thread([this, database = std::move(database), regulation = std::move(regulation),
                           file = std::move(file), progress = std::move(progress), done = std::move(done)] {
        Result result;
        try {
            auto reg = cemetery::Register::open_existing(database);
            // A copy first, as the command line does (copie/, the last few kept).
            if (!dry_run_) cemetery::keep_backup(reg, "import");
            cemetery::ImportOptions options;
            options.dry_run = dry_run_;
            options.progress = [this, &progress](std::size_t n, std::size_t total) {
                if (progress) progress(n, total);
                return !cancelled_.load();
            };
            result.report = cemetery::import_register(reg, *regulation, file, options);
        } catch (const std::exception& e) {
            result.error = e.what();
        }
        done(std::move(result));
    });
}

ImportJob::~ImportJob() {
    cancelled_ = true;
    if (thread_.joinable()) thread_.join();
}

}  // namespace gui
