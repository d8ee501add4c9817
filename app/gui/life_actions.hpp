#pragma once
// What the commands of a concession's life do from the window: open the dialog,
// write through the library on confirmation, show a refusal with its rule, and
// refresh every view.

#include "host.hpp"

class wxWindow;

namespace gui {

void bury_deceased(wxWindow* parent, Host& host, cemetery::ConcessionId id);
void succeed_holders(wxWindow* parent, Host& host, cemetery::ConcessionId id);
void end_concession(wxWindow* parent, Host& host, cemetery::ConcessionId id);
void close_concession(wxWindow* parent, Host& host, cemetery::ConcessionId id);
// Registra pagamento: where the term runs from the payment and it is not yet recorded.
void record_payment(wxWindow* parent, Host& host, cemetery::ConcessionId id);

}  // namespace gui
