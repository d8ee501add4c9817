#include "database.hpp"

#include <cemetery/default_register.hpp>
#include <cemetery/demo_free_plots.hpp>
#include <cemetery/demo_register.hpp>
#include <cemetery/import.hpp>
#include <cemetery/output_file.hpp>
#include <cemetery/regulation_loader.hpp>
#include <cemetery/union_data.hpp>

#include <sstream>

namespace gui {

namespace {
// The window reads a page of a hundred rows at a time: a small page cache serves it
// as fast as the library's default of 64 MiB, which would otherwise fill while a
// clerk scrolls through a long result and stay resident.
constexpr int page_cache_kib = 8 * 1024;
}  // namespace

Database::Database(std::filesystem::path file, cemetery::Register reg,
                   std::shared_ptr<const cemetery::Regulation> regulation)
    : file_(std::move(file)),
      reg_(std::make_unique<cemetery::Register>(std::move(reg))),
      regulation_(std::move(regulation)) {
    reg_->limit_page_cache(page_cache_kib);
}

std::unique_ptr<Database> Database::open(const std::filesystem::path& file,
                                         std::shared_ptr<const cemetery::Regulation> regulation) {
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
    auto reg = cemetery::Register::open(file);
    if (reg.comuni().empty()) cemetery::seed_register(reg, cemetery::load_union_data(cemetery::shipped_union_data_path()));
    return std::unique_ptr<Database>(new Database(file, std::move(reg), std::move(regulation)));
}

std::unique_ptr<Database> Database::open_existing(const std::filesystem::path& file,
                                                  std::shared_ptr<const cemetery::Regulation> regulation) {
    auto reg = cemetery::Register::open_existing(file);
    return std::unique_ptr<Database>(new Database(file, std::move(reg), std::move(regulation)));
}

void Database::copy_to(const std::filesystem::path& target) { reg_->backup_to(target, cemetery::Overwrite::allow); }

void Database::write_output(const std::filesystem::path& target,
                            const std::function<void(const std::filesystem::path&)>& write) const {
    cemetery::OutputFile out(target, cemetery::ProtectedFiles::of_register(file_), cemetery::Overwrite::allow);
    write(out.path());
    out.commit();
}

std::shared_ptr<const cemetery::Regulation> load_shipped_regulation() {
    return std::make_shared<const cemetery::Regulation>(cemetery::load_regulation(cemetery::shipped_regulation_path()));
}

std::filesystem::path demo_register_path() { return cemetery::default_register_folder() / "registro-di-prova.sqlite"; }

bool fill_demo_register(Database& db, std::size_t concessions) {
    auto& reg = db.reg();
    if (reg.count_concessions() > 0) return false;
    const auto data = cemetery::load_union_data(cemetery::shipped_union_data_path());
    cemetery::seed_register(reg, data);
    cemetery::DemoOptions options;
    options.seed = 2020;
    options.concessions = concessions;
    options.today = cemetery::today();
    std::ostringstream csv;
    cemetery::write_demo_register(csv, db.regulation(), data, options);
    const auto report = cemetery::import_register_text(reg, db.regulation(), std::move(csv).str(), "demo (seed 2020)");
    if (!report.ok()) return false;
    // An export holds only granted places: a few free ones, so a new concession finds room.
    cemetery::add_demo_free_plots(reg);
    return true;
}

}  // namespace gui
