// The change log's formats, pinned by golden vectors: a register is kept for a
// century, and an entry chained today must verify with every later program. The
// expected hashes were computed apart from the program, from the canonical form
// written out in storage/canonical.hpp and storage/change_log.hpp.
#include "support.hpp"

#include "storage/fixtures.hpp"

#include "storage/change_log.hpp"
#include "storage/log_people.hpp"
#include "storage/sha256.hpp"

#include <cemetery/register.hpp>

#include <string>

using namespace cemetery;
using storage::ChainContent;

namespace {

const std::string state = [] {
    std::string s;
    for (int i = 0; i < 32; ++i) s += "ab";
    return s;
}();
const std::string renew_details = R"({"deed":"R-1","years":10})";
const std::string comune_details = R"({"name":"Liscate"})";

ChainContent renewal_entry() {
    return {1, "2026-11-26T09:12:03Z", "m.rossi", "concession", 7, "renew", renew_details, state};
}
ChainContent comune_entry() {
    return {2, "2026-11-26T09:12:04Z", "m.rossi", "comune", 1, "insert", comune_details, std::nullopt};
}

std::string shell_ok(const std::filesystem::path& db, const std::string& sql) {
    const auto r = test::sqlite3_shell(db, sql);
    INFO(sql << "\n" << r.output);
    REQUIRE(r.status == 0);
    return r.output;
}

}  // namespace

TEST_CASE("chain format 1 (the details' text, registers of schema 4 and 5) gives the same hashes as ever", "[chain]") {
    const auto first = storage::chain_of_format1(storage::genesis_chain, renewal_entry());
    CHECK(first == "9a824ead644208e3373a5366dc0074dca5e2e383f63c915fb742f6161a5958f2");
    CHECK(storage::chain_of_format1(first, comune_entry()) ==
          "697e9be4ebb1a36aa36a9773594efd78db3a5747e0091fabac0e433942917568");
}

TEST_CASE("chain format 2 hashes the digest of an entry's details, not their text", "[chain]") {
    const auto first = storage::chain_of(storage::genesis_chain, renewal_entry());
    CHECK(first == "67c7d4e30de98a4891aaa91fbd4f77162b9ed81f90cce6e552d830d75823ff16");
    CHECK(storage::chain_of(first, comune_entry()) ==
          "d8e751a197bee6875febbe623cbd628e8c10981c2b36b10ccb89862f9948e858");
    CHECK(storage::details_digest(renew_details) ==
          "3fb588053d94bd0c85c303da28c726f771d72bb43deecf934c84817bae64349c");

    SECTION("so an entry whose details are redacted to their digest keeps its chain, and every one after it") {
        const std::string redacted = storage::redacted_details(storage::details_digest(renew_details));
        CHECK(redacted == R"({"redacted":"3fb588053d94bd0c85c303da28c726f771d72bb43deecf934c84817bae64349c"})");
        auto entry = renewal_entry();
        entry.details = redacted;
        CHECK(storage::chain_of(storage::genesis_chain, entry) == first);
    }
    SECTION("and any other change of the text breaks it") {
        auto entry = renewal_entry();
        entry.details = R"({"deed":"R-9","years":10})";
        CHECK(storage::chain_of(storage::genesis_chain, entry) != first);
    }
}

TEST_CASE("the holders' digest covers every field of every holder, in order", "[log_privacy]") {
    Holder perego{{}, "Pèrego", "Lucia", "PRGLCU60A41E640X", "via Roma 1", "02 1234567", "lucia@example.org"};
    Holder dadda{{}, "D'Adda", "Ugo", "", "", "", ""};
    CHECK(storage::holders_digest({perego, dadda}) ==
          "a7afd0aa0946d71c3df3c963987effd45425174ba8f4ee4edbe0e4cdb8bcc446");
    CHECK(storage::holders_digest({}) == "24e5077670fbbdeb2790e0e90e2b8bfe8cc048768a7cd2b8437bde89b9a4a63f");
    CHECK(storage::holders_digest({dadda, perego}) != storage::holders_digest({perego, dadda}));
    Holder no_phone = perego;
    no_phone.phone.clear();
    CHECK(storage::holders_digest({no_phone, dadda}) != storage::holders_digest({perego, dadda}));
}

TEST_CASE("a register's entry redacted to its digest later still verifies, with the same head", "[chain]") {
    test::TempDir dir;
    const auto file = dir.file("registro.sqlite");
    std::int64_t entry = 0;
    std::string head;
    {
        test::UnionRegister u(file);
        const auto plot = u.plot(u.liscate_cimitero, PlotKind::loculo, "1");
        u.add_ok({.plot = plot, .number = "1/2021", .signed_on = test::ymd(2021, 3, 1),
                  .deceased = {test::deceased("Pèrego", "Giuseppe")}});
        entry = u.reg.change_log().back().id;
        REQUIRE(u.reg.renew(ConcessionId{1}, {test::ymd(2051, 2, 1), "R-7", test::ymd(2051, 2, 1)}, u.rules));
        const auto report = u.reg.verify();
        REQUIRE(report.ok());
        head = report.head_chain;
    }
    const auto details = shell_ok(file, "SELECT details FROM change_log WHERE id = " + std::to_string(entry) + ";");
    const auto redacted = storage::redacted_details(storage::details_digest(details.substr(0, details.size() - 1)));
    shell_ok(file, "DROP TRIGGER change_log_no_update; UPDATE change_log SET details = '" + redacted +
                       "' WHERE id = " + std::to_string(entry) + ";");
    auto reg = Register::open_existing(file);
    const auto report = reg.verify();
    CHECK(report.ok());
    CHECK(report.head_chain == head);
}
