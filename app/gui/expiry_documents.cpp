#include "expiry_documents.hpp"

#include "convert.hpp"
#include "date_field.hpp"

#include <cemetery/documents/expired_list_pdf.hpp>
#include <cemetery/documents/expiry_notices_pdf.hpp>
#include <cemetery/documents/xlsx_lists.hpp>

#include <wx/datectrl.h>
#include <wx/dialog.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace gui {

namespace {

cemetery::documents::ExpiredList posted_list(Host& host, const ExpiredDocument& what) {
    const auto& reg = host.database().reg();
    const auto comune = reg.comune(what.comune);
    if (!comune) throw std::runtime_error("the comune is no longer in the register");
    return cemetery::documents::collect_expired_list(reg, host.database().regulation(), *comune, {}, what.as_of,
                                                     what.posting_from,
                                                     cemetery::documents::load_offices(
                                                         cemetery::documents::shipped_offices_path()));
}

}  // namespace

void write_posted_list(Host& host, const ExpiredDocument& what, const std::filesystem::path& file) {
    const auto list = posted_list(host, what);
    host.database().write_output(file, [&](const auto& path) { cemetery::documents::write_expired_list_pdf(list, path); });
}

std::vector<cemetery::documents::Page> posted_list_pages(Host& host, const ExpiredDocument& what) {
    return cemetery::documents::lay_out_expired_list(posted_list(host, what));
}

void write_notices(Host& host, const ExpiredDocument& what, const std::filesystem::path& file) {
    const auto& reg = host.database().reg();
    const auto comune = reg.comune(what.comune);
    if (!comune) throw std::runtime_error("the comune is no longer in the register");
    const auto notices = cemetery::documents::collect_expiry_notices(
        reg, host.database().regulation(), *comune, {}, what.as_of, what.posting_from,
        cemetery::documents::load_offices(cemetery::documents::shipped_offices_path()));
    host.database().write_output(file,
                                 [&](const auto& path) { cemetery::documents::write_expiry_notices_pdf(notices, path); });
}

void write_rows_xlsx(const Database& database, const std::vector<cemetery::ListRow>& rows, const wxString& sheet,
                     const std::filesystem::path& file) {
    database.write_output(file, [&](const auto& path) {
        cemetery::documents::write_list_xlsx(path, to_std(sheet), [&rows](const auto& row) {
            for (const auto& r : rows) row(r);
        });
    });
}

std::optional<cemetery::Date> ask_posting_start(wxWindow* parent, Host& host) {
    wxDialog dialog(parent, wxID_ANY, _("Posting of the expired list"));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    const int days = host.database().regulation().posting_days.value;
    auto* text = new wxStaticText(
        &dialog, wxID_ANY,
        wxString::Format(_("The list stays posted for %d days from its first day; families can come forward until "
                           "the last."),
                         days));
    text->Wrap(dialog.FromDIP(360));
    sizer->Add(text, wxSizerFlags().Border(wxALL, dialog.FromDIP(12)));
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(new wxStaticText(&dialog, wxID_ANY, _("First day of posting")), wxSizerFlags().CenterVertical());
    auto* from = make_date_picker(&dialog, wxDateTime::Today(), wxS("posting_from"));
    row->Add(from, wxSizerFlags().CenterVertical().Border(wxLEFT, dialog.FromDIP(8)));
    sizer->Add(row, wxSizerFlags().Border(wxLEFT | wxRIGHT, dialog.FromDIP(12)));
    sizer->Add(dialog.CreateStdDialogButtonSizer(wxOK | wxCANCEL), wxSizerFlags().Expand().Border(wxALL, dialog.FromDIP(12)));
    dialog.SetSizerAndFit(sizer);
    if (dialog.ShowModal() != wxID_OK) return std::nullopt;
    return from_wx_date(from->GetValue());
}

}  // namespace gui
