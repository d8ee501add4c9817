// A program that writes to a register the way a clerk's program does, for the tests
// that run two of them at once (concurrency.tests.cpp). Each command opens the
// register named on its command line (a file today; any register the programs can
// share tomorrow), writes through the library only, and prints what it did as
// "key value" lines on stdout. Exit 0 when everything went as the command expects,
// 1 with the reason on stderr otherwise.
//
//   setup    REGISTER PLOTS        Liscate, its cemetery, PLOTS free family tombs
//                                  (Tombe/1/1..PLOTS) and the concession R/2022
//   renew    REGISTER N TAG        renews R/2022 N times, each on the concession as
//                                  read just before, read again after a stale answer
//   concede  REGISTER PLOTS        concedes Tombe/1/1..PLOTS in that order; a plot
//                                  already conceded is refused (printed with the reason)
//   plots    REGISTER N TAG        lays out N plots one write each (N change-log entries)
//   batches  REGISTER TAG SIZE PAUSE MARKER
//                                  lays out plots SIZE to a batch, for ever; in batch
//                                  PAUSE, half-way, creates MARKER and waits to be killed
#include "many_renewals.hpp"

#include <cemetery/register.hpp>
#include <cemetery/regulation_loader.hpp>

#include <chrono>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace cemetery;

Date ymd(int y, unsigned m, unsigned d) { return Date{date::year{y}, date::month{m}, date::day{d}}; }

// Far ahead: the dates the commands write are never refused as still to come.
const Date recorded_on = ymd(2100, 1, 1);
const Date renewals_from = ymd(2030, 1, 1);
const char* renewed_deed = "R/2022";

Regulation rules() {
    auto loaded = parse_regulation(test::many_renewals_toml, "rinnovi-a-volonta.toml");
    if (!loaded) throw std::runtime_error("the test regulation: " + loaded.error->to_string());
    return *loaded.regulation;
}

struct Liscate {
    Comune comune;
    CemeteryId cemetery;
};

Liscate liscate(const Register& reg) {
    const auto comune = reg.find_comune("Liscate");
    if (!comune) throw std::runtime_error("no Liscate in the register: run setup first");
    const auto cemetery = reg.find_cemetery(comune->id, "Cimitero di Liscate");
    if (!cemetery) throw std::runtime_error("no cemetery in Liscate: run setup first");
    return {*comune, cemetery->id};
}

std::vector<Holder> holders() { return {Holder{{}, "Brambilla", "Luisa", {}, {}, {}, {}}}; }

int setup(const std::string& where, int plots) {
    auto reg = Register::open(where, "setup");
    Comune c;
    c.name = "Liscate";
    c.istat_code = "015122";
    c.cadastral_code = "E639";
    c.member_from = ymd(2000, 1, 1);
    const auto comune = reg.add_comune(c);
    if (!comune) throw std::runtime_error("add_comune: " + comune.conflict->message);
    const auto cemetery = reg.add_cemetery(*comune.value, "Cimitero di Liscate");
    if (!cemetery) throw std::runtime_error("add_cemetery: " + cemetery.conflict->message);
    const auto tombs = reg.add_plots(PlotRange{*cemetery.value, PlotKind::tomba_famiglia, "Tombe", "1",
                                               plots == 1 ? "1" : "1-" + std::to_string(plots), ""});
    if (!tombs) throw std::runtime_error("add_plots: " + tombs.conflict->message);
    const auto renewed = reg.add_plots(PlotRange{*cemetery.value, PlotKind::tomba_famiglia, "Rinnovi", "1", "1", ""});
    if (!renewed) throw std::runtime_error("add_plots: " + renewed.conflict->message);

    ConcessionRequest request;
    request.comune = *comune.value;
    request.plot = renewed.value->front();
    request.signed_on = ymd(2022, 2, 1);
    request.deed_number = renewed_deed;
    request.holders = holders();
    request.today = recorded_on;
    const auto conceded = reg.concede(request, rules());
    if (!conceded) throw std::runtime_error("concede: " + conceded.reason());
    std::cout << "plots " << plots << "\n";
    return 0;
}

int renew(const std::string& where, int n, const std::string& tag) {
    auto reg = Register::open_existing(where, "clerk." + tag);
    const auto regulation = rules();
    const auto id = reg.find_concession(liscate(reg).comune.id, renewed_deed);
    if (!id) throw std::runtime_error("no concession R/2022: run setup first");
    int renewed = 0;
    int stale = 0;
    while (renewed < n) {
        // What the clerk is shown: the concession and the day after its last renewal.
        const auto shown = reg.concession(*id);
        const Date last = shown->renewals.empty() ? renewals_from : shown->renewals.back().granted_on;
        RenewalRequest request{add_days(last, 1), tag + "-" + std::to_string(renewed + 1),
                               recorded_on, shown->row_version};
        const auto outcome = reg.renew(*id, request, regulation);
        if (outcome) {
            ++renewed;
        } else if (outcome.conflict && outcome.conflict->code == ConflictCode::stale) {
            ++stale;  // the other program renewed it since: shown again
        } else {
            throw std::runtime_error("renewal " + request.deed + " refused: " +
                                     (outcome.conflict ? outcome.conflict->message : outcome.decision.explanation()));
        }
    }
    std::cout << "renewed " << renewed << "\nstale " << stale << "\n";
    return 0;
}

int concede(const std::string& where, int plots) {
    auto reg = Register::open_existing(where, "clerk.concede");
    const auto regulation = rules();
    const auto place = liscate(reg);
    int conceded = 0;
    int refused = 0;
    for (int i = 1; i <= plots; ++i) {
        const auto plot = reg.find_plot(place.cemetery, Location{"Tombe", "1", std::to_string(i), ""});
        if (!plot) throw std::runtime_error("no plot Tombe/1/" + std::to_string(i));
        ConcessionRequest request;
        request.comune = place.comune.id;
        request.plot = plot->id;
        request.signed_on = ymd(2026, 1, 10);
        request.holders = holders();
        request.today = recorded_on;
        const auto outcome = reg.concede(request, regulation);
        if (outcome) {
            ++conceded;
            continue;
        }
        ++refused;
        // The reason, as the register gives it: the plot is already taken.
        std::cout << "refused " << i << ' '
                  << (outcome.refusal ? code_name(outcome.refusal->code) : code_name(outcome.conflict->code)) << ' '
                  << outcome.reason() << "\n";
    }
    std::cout << "conceded " << conceded << "\nrefusals " << refused << "\n";
    return 0;
}

WriteResult<PlotId> add_plot(Register& reg, CemeteryId cemetery, const std::string& settore, int numero) {
    Plot p;
    p.cemetery = cemetery;
    p.kind = PlotKind::loculo;
    p.location = Location{settore, "1", std::to_string(numero), ""};
    return reg.add_plot(p);
}

int plots(const std::string& where, int n, const std::string& tag) {
    auto reg = Register::open_existing(where, "clerk." + tag);
    const auto cemetery = liscate(reg).cemetery;
    for (int i = 1; i <= n; ++i) {
        const auto added = add_plot(reg, cemetery, tag, i);
        if (!added) throw std::runtime_error("add_plot: " + added.conflict->message);
    }
    std::cout << "added " << n << "\n";
    return 0;
}

int batches(const std::string& where, const std::string& tag, int size, int pause_at, const std::string& marker) {
    auto reg = Register::open_existing(where, "clerk." + tag);
    const auto cemetery = liscate(reg).cemetery;
    int numero = 0;
    for (int batch = 0;; ++batch) {
        Register::Batch writes(reg);
        for (int i = 0; i < size; ++i) {
            const auto added = add_plot(reg, cemetery, tag, ++numero);
            if (!added) throw std::runtime_error("add_plot: " + added.conflict->message);
            if (batch == pause_at && i == size / 2) {
                std::ofstream{marker} << "in batch " << batch << "\n";
                std::this_thread::sleep_for(std::chrono::seconds(60));  // killed before the end
                throw std::runtime_error("not killed");
            }
        }
        writes.commit();
    }
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    try {
        const auto& command = args.at(0);
        const auto& where = args.at(1);
        if (command == "setup") return setup(where, std::stoi(args.at(2)));
        if (command == "renew") return renew(where, std::stoi(args.at(2)), args.at(3));
        if (command == "concede") return concede(where, std::stoi(args.at(2)));
        if (command == "plots") return plots(where, std::stoi(args.at(2)), args.at(3));
        if (command == "batches") {
            return batches(where, args.at(2), std::stoi(args.at(3)), std::stoi(args.at(4)), args.at(5));
        }
        std::cerr << "unknown command: " << command << "\n";
        return 2;
    } catch (const std::out_of_range&) {
        std::cerr << "usage: see the head of tests/concurrency/driver.cpp\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
}
