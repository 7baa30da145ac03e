// Human-readable renderings of a document: a text summary and an HTML page.
#pragma once

#include <ostream>

#include "eventwire/eventwire.hpp"

namespace ewcli {

void text_summary(std::ostream& out, const eventwire::Document& doc);

void html_header(std::ostream& out);
void html_document(std::ostream& out, const eventwire::Document& doc);
void html_footer(std::ostream& out);

}  // namespace ewcli
