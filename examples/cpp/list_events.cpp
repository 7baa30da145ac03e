// The C++ interface: analyse a file and list its events, entities and times.
//
//   list_events FILE [YYYY-MM-DD]
#include <eventwire/eventwire.hpp>

#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: " << argv[0] << " FILE [YYYY-MM-DD]\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << "cannot read " << argv[1] << "\n";
    return 1;
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());

  auto engine = eventwire::Engine::create();
  if (!engine) {
    std::cerr << engine.error().name() << ": " << engine.error().message << "\n";
    return 1;
  }
  eventwire::AnalyzeOptions options;
  if (argc > 2) options.reference_date = argv[2];
  auto doc = engine->analyze(text, options);
  if (!doc) {
    std::cerr << doc.error().name() << ": " << doc.error().message << "\n";
    return 1;
  }

  std::cout << "eventwire " << eventwire::version() << ", language " << doc->language() << ", "
            << doc->sentences().size() << " sentences\n";
  if (auto title = doc->title()) std::cout << "title: " << *title << "\n";
  for (const eventwire::Event& e : doc->events()) {
    std::cout << e.id << " " << e.type << " " << e.modality << " \"" << e.trigger_text << "\"";
    for (const auto& a : e.actors) std::cout << " actor=" << a.country.value_or(a.text);
    for (const auto& t : e.targets) std::cout << " target=" << t.country.value_or(t.text);
    std::cout << "\n";
  }
  for (const eventwire::Entity& e : doc->entities())
    std::cout << e.id << " " << e.type << " " << e.name << " " << e.country.value_or("") << "\n";
  for (const eventwire::Time& t : doc->times()) std::cout << t.id << " \"" << t.text << "\" " << t.value.value_or("") << "\n";
  return 0;
}
