// cemetery concede: a new concession on a free plot, decided by the regulation in
// force on the signing date.
#include "commands.hpp"
#include "exit_codes.hpp"
#include "life_options.hpp"
#include "regulation_text.hpp"

#include <cemetery/kind_variant.hpp>
#include <cemetery/tariff.hpp>

#include <iostream>

namespace cli {

void add_concede_command(CLI::App& app, Session& session) {
    auto* cmd = app.add_subcommand("concede", "Grant a free plot: a new concession with its holders and first deceased");
    struct Args {
        std::string comune, cemetery, kind, settore, fila, numero, piano, on, deed, requested, paid;
        std::vector<std::string> holders;
        std::string deceased, born, died, buried, remains = "feretro";
        std::string applicant_born;
        std::optional<int> years;
        std::optional<std::string> variant;
        bool decline = false;
    };
    auto args = std::make_shared<Args>();
    cmd->add_option("--comune", args->comune, "The comune")->required();
    cmd->add_option("--cemetery", args->cemetery, "The cemetery (default: the comune's own)");
    cmd->add_option("--kind", args->kind, "The plot's kind, checked against the plot");
    cmd->add_option("--settore", args->settore, "Settore of the plot");
    cmd->add_option("--fila", args->fila, "Fila of the plot");
    cmd->add_option("--numero", args->numero, "Numero of the plot")->required();
    cmd->add_option("--piano", args->piano, "Piano of the plot");
    cmd->add_option("--on", args->on, "Signing date (default today)");
    cmd->add_option("--anni", args->years,
                    "The term agreed, where the regulation offers a choice (loculi for 30 or 40 years)")
        ->check(CLI::PositiveNumber);
    cmd->add_option("--variante", args->variant,
                    "The variant of the kind's rule the deed is granted under, where the regulation defines one "
                    "(provvisorio); default: the ordinary rule");
    cmd->add_option("--richiesta", args->requested,
                    "The date of the request, where the term runs from it (it may precede the signing)");
    cmd->add_option("--pagamento", args->paid,
                    "The payment date, where the term runs from it (none: the term has not started)");
    cmd->add_option("--deed", args->deed, "Deed number (default: the next of the comune and year, 2026/0012)");
    cmd->add_option("--holder", args->holders, "A holder: \"Surname,Given name[,codice fiscale]\" (repeat for more)")
        ->required();
    cmd->add_option("--deceased", args->deceased, "The first deceased: \"Surname,Given name\"");
    cmd->add_option("--born", args->born, "The deceased's birth date");
    cmd->add_option("--died", args->died, "The deceased's death date");
    cmd->add_option("--buried", args->buried, "The burial date (default the signing date)");
    cmd->add_option("--applicant-born", args->applicant_born,
                    "The applicant's birth date, where the kind is granted in life only from an age (default: read "
                    "from the first holder's codice fiscale)");
    cmd->add_option("--remains", args->remains, "feretro, cassetta or urna")->check(remains_form_check());
    cmd->add_flag("--rinuncia-proroga", args->decline,
                  "The holders decline the extension of the term the first deceased's burial brings, where the "
                  "regulation lets them");
    cmd->callback([&session, args] {
        session.may_create();
        const auto comune = session.comune(args->comune);
        const auto cem = cemetery_option(session, comune, args->cemetery);
        const auto plot = plot_at(session, cem, {args->settore, args->fila, args->numero, args->piano});
        if (!args->kind.empty() && args->kind != cemetery::code(plot.kind)) {
            throw Exit{invalid_input, "the plot at " + cemetery::describe(plot.location) + " is a " +
                                          std::string(cemetery::code(plot.kind)) + ", not a " + args->kind};
        }
        cemetery::ConcessionRequest request;
        request.comune = comune.id;
        request.plot = plot.id;
        request.signed_on = date_option(args->on, "--on");
        request.deed_number = args->deed;
        for (const auto& h : args->holders) request.holders.push_back(holder_option(h, "--holder"));
        request.first_deceased = deceased_option(args->deceased, args->born, args->died, args->buried);
        request.form = remains_form(args->remains);
        request.years = args->years;
        request.variant = args->variant;
        if (!args->applicant_born.empty()) request.applicant_born_on = date_option(args->applicant_born, "--applicant-born");
        if (!args->requested.empty()) request.requested_on = date_option(args->requested, "--richiesta");
        if (!args->paid.empty()) request.paid_on = date_option(args->paid, "--pagamento");
        request.extension_declined = args->decline;
        const auto out = session.reg().concede(request, session.regulation());
        if (!out) refuse("concession", out);
        const auto& c = *out.concession;
        std::cout << "Granted " << c.deed_number << " (" << comune.name << "): " << cemetery::code(plot.kind) << ", "
                  << cemetery::describe(plot.location) << ", " << cem.name << "; signed "
                  << cemetery::to_iso(c.signed_on) << ", "
                  << (c.expires_on  ? "expires " + cemetery::to_iso(*c.expires_on)
                      : c.perpetual ? std::string("expires never (perpetual)")
                                    : std::string("not started (no expiry until the event its term runs from)"))
                  << " ("
                  << (c.term_years ? std::to_string(*c.term_years) + " years, " : std::string()) << "version "
                  << c.version_name
                  << (c.variant ? ", variant " + *c.variant + " (" +
                                      cemetery::variant_name_of(session.regulation(), c, plot.kind) + ")"
                                : std::string())
                  << ")\n"
                  << "Tariff: "
                  << price_text(cemetery::quote_price(session.regulation(), comune.name, plot.kind,
                                                      cemetery::TariffItem::concession, c.term_years, c.signed_on))
                  << '\n';
        print_notices(out);
    });
}

}  // namespace cli
