// Two programs changing one register at once: the second waits for the first
// instead of failing with a raw "database is locked", gives the library's own
// message (exit 4) when the wait is too long, and never overwrites a change it did
// not see (row_version).
#include "cli/child.hpp"
#include "cli/run.hpp"
#include "support.hpp"

#include <cemetery/register.hpp>

#include <chrono>
#include <thread>

using namespace std::chrono_literals;

namespace {

const std::string sample = CEMETERY_TEST_DATA_DIR "/registro-esempio.csv";

void make_register(const std::filesystem::path& db) {
    const auto r = test::cemetery(db, {"import", sample});
    INFO(r);
    REQUIRE(r.exit_code == 0);
}

// Holds the register's write lock, as another program in the middle of a write.
void start_write(cemetery::Register& reg, std::optional<cemetery::Register::Batch>& batch) {
    batch.emplace(reg);
    cemetery::Comune c;
    c.name = "Melzo";
    c.istat_code = "015142";
    c.cadastral_code = "F119";
    c.member_from = test::ymd(2016, 1, 1);
    REQUIRE(reg.add_comune(c));
}

test::ChildOptions renew(const std::filesystem::path& db) {
    test::ChildOptions o;
    o.program = test::cli_path();
    o.args = {"renew", "E-1987-031", "--comune", "Liscate", "--on", "2022-01-10"};
    o.db = db;
    return o;
}

}  // namespace

TEST_CASE("a renewal waits for another program's write of a few seconds, then succeeds", "[cli][two-writers]") {
    test::TempDir dir;
    const auto db = dir.file("registro.sqlite");
    make_register(db);
    auto other = cemetery::Register::open_existing(db, "other.clerk");
    std::optional<cemetery::Register::Batch> batch;
    start_write(other, batch);

    const auto started = std::chrono::steady_clock::now();
    test::Child child(renew(db));
    std::this_thread::sleep_for(2s);
    batch->commit();
    const auto r = child.wait();
    INFO("exit " << r.exit_code << "\n" << r.out << r.err);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("2027-09-02"));
    CHECK(std::chrono::steady_clock::now() - started >= 2s);
    // Both writes are there.
    CHECK(other.find_comune("Melzo"));
    const auto liscate = other.find_comune("Liscate");
    REQUIRE(liscate);
    const auto id = other.find_concession(liscate->id, "E-1987-031");
    REQUIRE(id);
    CHECK(other.concession(*id)->renewals.size() == 1);
}

TEST_CASE("a write lock held past the wait gives the library's message and exit 4", "[cli][two-writers]") {
    test::TempDir dir;
    const auto db = dir.file("registro.sqlite");
    make_register(db);
    auto other = cemetery::Register::open_existing(db, "other.clerk");
    std::optional<cemetery::Register::Batch> batch;
    start_write(other, batch);

    test::Child child(renew(db));
    const auto r = child.wait();  // the lock is held all along
    batch.reset();
    INFO("exit " << r.exit_code << "\n" << r.out << r.err);
    CHECK(r.exit_code == 4);
    CHECK_THAT(r.err, Catch::Contains("busy") && Catch::Contains("try again"));
    CHECK_THAT(r.err, !Catch::Contains("database is locked"));
    const auto liscate = other.find_comune("Liscate");
    REQUIRE(liscate);
    CHECK(other.concession(*other.find_concession(liscate->id, "E-1987-031"))->renewals.empty());
    CHECK_FALSE(other.find_comune("Melzo"));
}

TEST_CASE("saving a concession renewed by another program since it was shown is refused", "[cli][two-writers]") {
    test::TempDir dir;
    const auto db = dir.file("registro.sqlite");
    make_register(db);
    auto reg = cemetery::Register::open_existing(db, "desk.clerk");
    const auto liscate = reg.find_comune("Liscate");
    REQUIRE(liscate);
    const auto id = *reg.find_concession(liscate->id, "E-1987-031");
    const auto shown = *reg.concession(id);  // what the clerk's window shows

    // Meanwhile, at another desk:
    test::Child child(renew(db));
    const auto r = child.wait();
    INFO("exit " << r.exit_code << "\n" << r.out << r.err);
    REQUIRE(r.exit_code == 0);

    auto holders = shown.holders;
    holders.push_back(cemetery::Holder{{}, "Cazzaniga", "Bruno", {}, {}, {}, {}});
    const auto saved = reg.replace_holders(id, holders, shown.row_version);
    REQUIRE_FALSE(saved);
    REQUIRE(saved.conflict);
    CHECK(saved.conflict->code == cemetery::ConflictCode::stale);
    CHECK_THAT(saved.conflict->message, Catch::Contains("someone else changed"));

    // The renewal is kept, the holders unchanged; reopened, the save goes through.
    const auto now = *reg.concession(id);
    CHECK(now.renewals.size() == 1);
    CHECK(now.holders.size() == shown.holders.size());
    CHECK(reg.replace_holders(id, holders, now.row_version));
    CHECK(reg.concession(id)->renewals.size() == 1);
}
