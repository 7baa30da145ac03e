// The times stage: dates, times, durations and sets in English, Dutch and French, written as
// TIMEX3 values and resolved against the reference date (the caller's or the article's own).
#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "../common/shared_engine.hpp"
#include "pipeline/engine.hpp"
#include "print_helpers.hpp"

using namespace eventwire::internal;
using eventwire::internal::testing::engine;

namespace {

// The times of `text` as "kind text=value", with " [start..end]" when either is set, " mod" and
// a trailing "*" when the value was resolved against the reference date.
std::vector<std::string> times(const char* lang, std::string_view text, const char* reference = nullptr) {
  AnalyzeOptions options;
  options.language = lang_from_code(lang);
  options.outputs = kOutputTimes;
  if (reference) options.reference_date = *parse_reference_date(reference);
  auto doc = engine().analyze(text, options);
  REQUIRE(doc.ok());
  std::vector<std::string> out;
  for (const TimeExpr& t : (*doc)->times) {
    std::string s(time_kind_name(t.kind));
    s += ' ';
    s += slice((*doc)->input, t.span);
    s += '=' + t.value;
    if (!t.start.empty() || !t.end.empty()) s += " [" + t.start + ".." + t.end + "]";
    if (!t.mod.empty()) s += ' ' + t.mod;
    if (t.anchored) s += '*';
    out.push_back(s);
  }
  return out;
}

std::string reference_date(std::string_view text) {
  AnalyzeOptions options;
  options.outputs = kOutputTimes;
  auto doc = engine().analyze(text, options);
  REQUIRE(doc.ok());
  const auto& d = (*doc)->reference_date;
  if (!d) return "none";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(d->year()), d->month(), d->day());
  return buf;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("absolute dates in the three languages") {
  CHECK(times("en", "The talks opened on 14 May 2023 in Geneva.") == V{"date 14 May 2023=2023-05-14"});
  CHECK(times("nl", "De stad werd op 3 januari 2021 ontruimd.") == V{"date 3 januari 2021=2021-01-03"});
  CHECK(times("fr", "Le traité fut signé le 9 novembre 2019 à Paris.") == V{"date le 9 novembre 2019=2019-11-09"});
  CHECK(times("en", "The report was filed on 2022-07-05.") == V{"date 2022-07-05=2022-07-05"});
  CHECK(times("fr", "La loi date du 12/03/2018.") == V{"date 12/03/2018=2018-03-12"});
}

TEST_CASE("years in words and two-digit years after a date") {
  CHECK(times("en", "The mill opened on twelve May nineteen hundred twenty one.") ==
        V{"date twelve May nineteen hundred twenty one=1921-05-12"});
  CHECK(times("en", "He was born on 3 March nineteen seventy two.") == V{"date 3 March nineteen seventy two=1972-03-03"});
  CHECK(times("en", "The treaty lapsed in June two thousand and eight.") == V{"date June two thousand and eight=2008-06"});
  CHECK(times("fr", "Elle est née le deux mars mil neuf cent soixante.") ==
        V{"date le deux mars mil neuf cent soixante=1960-03-02"});
  CHECK(times("nl", "De brug opende op 4 juli negentienhonderd tachtig.") ==
        V{"date 4 juli negentienhonderd tachtig=1980-07-04"});
  CHECK(times("en", "The dam burst on 9 October of 63.") == V{"date 9 October of 63=1963-10-09"});
  // a number of things after the date is no year
  CHECK(times("en", "In March two thousand people marched.", "2019-05-30") == V{"date March=2019-03*"});
}

TEST_CASE("years with their era") {
  CHECK(times("en", "Caesar was killed on 15 March 44 BC in Rome.") == V{"date 15 March 44 BC=BC0044-03-15"});
  CHECK(times("fr", "La bataille eut lieu en 52 av. J.-C. près d'Alise.") == V{"date 52 av. J.-C.=BC0052"});
  CHECK(times("nl", "Hij leefde van 4 v. Chr. tot 30 n. Chr. in Judea.") ==
        V{"range van 4 v. Chr. tot 30 n. Chr.=BC0004/0030 [BC0004..0030]"});
  CHECK(times("en", "The ad ran in 2019.") == V{"date 2019=2019"});  // "ad" only after a year
}

TEST_CASE("holidays, with the rules that move them") {
  CHECK(times("nl", "Het feest viel op Pinksteren 2021.") == V{"date Pinksteren 2021=2021-05-23"});
  // 27 April 2025 was a Sunday: Koningsdag was the Saturday before; in 2024 it was the 27th.
  CHECK(times("nl", "Koningsdag 2025 was druk.") == V{"date Koningsdag 2025=2025-04-26"});
  CHECK(times("nl", "Koningsdag 2024 was druk.") == V{"date Koningsdag 2024=2024-04-27"});
}

TEST_CASE("holidays of the Orthodox, Islamic, Hebrew and Chinese calendars") {
  CHECK(times("en", "Orthodox Easter 2018 was quiet.") == V{"date Orthodox Easter 2018=2018-04-08"});
  CHECK(times("en", "Ramadan 2018 began in May.") == V{"date Ramadan 2018=2018-05-16", "date May=2018-05"});
  CHECK(times("fr", "Pour l'Aïd el-Kébir 2018, la ville était calme.") == V{"date l'Aïd el-Kébir 2018=2018-08-21"});
  CHECK(times("nl", "Het Suikerfeest 2018 was druk.") == V{"date Het Suikerfeest 2018=2018-06-15"});
  // The coming or the last one, by the tense, as for other holidays.
  CHECK(times("en", "The family celebrated Hanukkah.", "2019-03-01") == V{"date Hanukkah=2018-12-03*"});
  CHECK(times("nl", "Met Jom Kipoer ligt het land stil.", "2023-09-01") == V{"date Jom Kipoer=2023-09-25*"});
  CHECK(times("fr", "Le nouvel an chinois sera fêté dans les rues.", "2024-01-05") ==
        V{"date Le nouvel an chinois=2024-02-10*"});
}

TEST_CASE("a date without a year takes it from the reference date and the tense") {
  CHECK(times("en", "The minister resigned on October 3.", "2021-02-10") == V{"date October 3=2020-10-03*"});
  CHECK(times("en", "The minister will resign on October 3.", "2021-02-10") == V{"date October 3=2021-10-03*"});
  CHECK(times("en", "The minister resigned on October 3.") == V{"date October 3=XXXX-10-03"});
}

TEST_CASE("days listed before the month they share") {
  CHECK(times("fr", "Le scrutin aura lieu les 6 et 13 avril prochains.", "2003-02-24") ==
        V{"date les 6=2003-04-06*", "date 13 avril prochains=2003-04-13*"});
  CHECK(times("en", "Markets open on 3, 10 and 17 May 2024.") ==
        V{"date 3=2024-05-03", "date 10=2024-05-10", "date 17 May 2024=2024-05-17"});
  CHECK(times("nl", "Er wordt gestaakt tussen 6 en 13 april 2024.") ==
        V{"range tussen 6 en 13 april 2024=2024-04-06/2024-04-13 [2024-04-06..2024-04-13]"});
}

TEST_CASE("weeks by their number") {
  CHECK(times("nl", "De bouw begint in week 12, meldt de gemeente.", "2024-03-01") == V{"date week 12=2024-W12*"});
  CHECK(times("en", "Deliveries start in week 3 of 2027.", "2024-03-01") == V{"date week 3 of 2027=2027-W03"});
  CHECK(times("fr", "La livraison est prévue semaine 40.", "2024-03-01") == V{"date semaine 40=2024-W40*"});
  // a week counted from something else
  CHECK(times("en", "In week 3 of the strike, talks resumed.", "2024-03-01") == V{});
}

TEST_CASE("relative days and weekdays") {
  CHECK(times("en", "Police arrested two men yesterday.", "2022-03-16") == V{"date yesterday=2022-03-15*"});
  CHECK(times("nl", "De premier sprak gisteren met de pers.", "2022-03-16") == V{"date gisteren=2022-03-15*"});
  CHECK(times("fr", "Le ministre a démissionné hier.", "2022-03-16") == V{"date hier=2022-03-15*"});
  // 2022-03-16 is a Wednesday: a past "Monday" is two days before, a future one five days after.
  CHECK(times("en", "The ship sank on Monday.", "2022-03-16") == V{"date Monday=2022-03-14*"});
  CHECK(times("en", "The ship will sail on Monday.", "2022-03-16") == V{"date Monday=2022-03-21*"});
  CHECK(times("en", "Nothing was said yesterday.") == V{"date yesterday="});  // no reference date
  CHECK(times("en", "At the moment, nobody knows.") == V{"datetime At the moment=PRESENT_REF"});
  // "mercredi en huit": a week after the coming Wednesday, which may be today.
  CHECK(times("fr", "Le conseil se réunira lundi en huit.", "2022-03-16") == V{"date lundi en huit=2022-03-28*"});
  CHECK(times("fr", "Le vote aura lieu mercredi en quinze.", "2022-03-16") ==
        V{"date mercredi en quinze=2022-03-30*"});
}

TEST_CASE("relative periods and shifts") {
  CHECK(times("en", "The vote is set for the 20th of next month.", "2022-03-16") ==
        V{"date the 20th of next month=2022-04-20*"});
  CHECK(times("fr", "Il est mort le 3 du mois dernier.", "2022-03-16") == V{"date le 3 du mois dernier=2022-02-03*"});
  // April has 30 days: only the month is a date
  CHECK(times("nl", "De top is op de 31e van volgende maand.", "2022-03-16") == V{"date volgende maand=2022-04*"});
  CHECK(times("en", "Prices rose last month.", "2022-03-16") == V{"date last month=2022-02*"});
  CHECK(times("nl", "Over twee weken stemt het parlement.", "2022-03-16") == V{"date Over twee weken=2022-03-30*"});
  CHECK(times("fr", "Il est parti il y a deux ans.", "2022-03-16") == V{"date il y a deux ans=2020-03-16*"});
  CHECK(times("en", "The company opened next week.", "2022-03-16") == V{"date next week=2022-W12*"});
  // hours shift the day by the whole days they make; an approximation inside the shift
  CHECK(times("en", "The results are due in 48 hours.", "2022-03-16") == V{"date in 48 hours=2022-03-18*"});
  CHECK(times("fr", "Le verdict tombera dans 24 heures.", "2022-03-16") == V{"date dans 24 heures=2022-03-17*"});
  CHECK(times("en", "The talks resume in about five hours.", "2022-03-16") ==
        V{"date in about five hours=2022-03-16 APPROX*"});
  CHECK(times("en", "The strike lasted about 20 years.") == V{"duration about 20 years=P20Y APPROX"});
}

TEST_CASE("clock times are on the day the text last named, else on the reference date") {
  CHECK(times("fr", "La réunion commence à 18h30.", "2022-03-16") == V{"time 18h30=2022-03-16T18:30*"});
  CHECK(times("en", "The vote took place on 2 May 2022. Polls closed at 9 p.m.", "2022-06-01") ==
        V{"date 2 May 2022=2022-05-02", "time 9 p.m.=2022-05-02T21:00"});
  CHECK(times("nl", "De trein vertrekt om 18u30.") == V{"time 18u30=T18:30"});
  // hours in words: a clock time after a time cue or before a part of the day, else an amount
  CHECK(times("nl", "De vergadering begint om drie uur.", "2024-03-01") == V{"time drie uur=2024-03-01T03:00*"});
  CHECK(times("nl", "Ze vertrokken om zes uur 's avonds.", "2024-03-01") == V{"time zes uur 's avonds=2024-03-01T18:00*"});
  CHECK(times("fr", "La réunion commence vers trois heures.", "2024-03-01") ==
        V{"time vers trois heures=2024-03-01T03:00 APPROX*"});
  CHECK(times("fr", "Le siège a duré environ trois heures.") == V{"duration environ trois heures=PT3H APPROX"});
  CHECK(times("nl", "De vergadering duurde ongeveer drie uur.") == V{"duration ongeveer drie uur=PT3H APPROX"});
  CHECK(times("en", "The polls opened at eight o'clock.", "2024-03-01") == V{"time eight o'clock=2024-03-01T08:00*"});
  CHECK(times("en", "One morning, the soldiers left.", "2024-03-01") == V{"time morning=2024-03-01TMO*"});
  // "last night" is a night, and a clock hour in it is in the evening
  CHECK(times("en", "Shots were fired last night.", "2024-03-01") == V{"datetime last night=2024-02-29TNI*"});
  CHECK(times("en", "Shots were fired late last night.", "2024-03-01") == V{"datetime late last night=2024-02-29TNI END*"});
  CHECK(times("nl", "De brand brak afgelopen nacht om 11 uur uit.", "2024-03-01") ==
        V{"datetime afgelopen nacht om 11 uur=2024-02-29T23:00*"});
  // digits inside a name or code
  CHECK(times("nl", "België steunt Action for Peacekeeping (A4P) en levert F16's.") == V{});
}

TEST_CASE("the letters of clock times and ordinals in any case, next to letters outside ASCII") {
  CHECK(times("en", "Polls close at 9 P.M. tonight.", "2022-06-01") ==
        V{"time 9 P.M.=2022-06-01T21:00*", "datetime tonight=2022-06-01TNI*"});
  CHECK(times("en", "Polls close at 9 Pm.", "2022-06-01") == V{"time 9 Pm=2022-06-01T21:00*"});
  CHECK(times("fr", "Le 1ER mars 2024.") == V{"date Le 1ER mars 2024=2024-03-01"});
  // bytes of UTF-8 sequences after the digits: no clock time in "18hé", one in "18h, à"
  CHECK(times("fr", "Le code 18hé est faux.") == V{});
  CHECK(times("fr", "Ils sont arrivés vers 18h, à Liège.", "2022-03-16") == V{"time vers 18h=2022-03-16T18:00 APPROX*"});
}

TEST_CASE("durations, ranges and sets") {
  CHECK(times("en", "He was jailed for three years.") == V{"duration three years=P3Y"});
  CHECK(times("fr", "Les travaux dureront pendant six mois.") == V{"duration six mois=P6M"});
  CHECK(times("en", "The mission ran in 2019-2020.") == V{"range 2019-2020=2019/2020 [2019..2020]"});
  CHECK(times("nl", "De markt is elke maandag open.") == V{"set elke maandag=XXXX-WXX-1"});
  // "en moins de" is how long something took
  CHECK(times("fr", "Deux ruptures ont eu lieu en moins de deux mois.") == V{"duration moins de deux mois=P2M LESS_THAN"});
  CHECK(times("nl", "Sinds 1948 bestaat de organisatie.") == V{"date Sinds 1948=1948 [1948..] ON_OR_AFTER"});
  // months of a range share a year, and take the one written after them
  CHECK(times("en", "Repairs will last from May to September.", "2018-09-07") ==
        V{"range from May to September=2019-05/2019-09 [2019-05..2019-09]*"});
  CHECK(times("en", "Sales from April to June in 2017 fell.", "2019-05-16") ==
        V{"range from April to June in 2017=2017-04/2017-06 [2017-04..2017-06]"});
  // only written months share a year: "the third" is no month
  CHECK(times("en", "I am off from April 27 to the third.", "2016-11-07") == V{"date from April 27=2017-04-27 [2017-04-27..] ON_OR_AFTER*"});
  // a hyphen between two month names
  CHECK(times("en", "The summit runs Nov-Feb 2017.") == V{"range Nov-Feb 2017=2016-11/2017-02 [2016-11..2017-02]"});
  // a bare first hour, and the day after the end's clock time
  CHECK(times("en", "The road is closed between 3 and 8am next Monday.", "2018-11-01") ==
        V{"range between 3 and 8am next Monday=2018-11-05T03:00/2018-11-05T08:00 [2018-11-05T03:00..2018-11-05T08:00]*"});
  CHECK(times("fr", "La route sera fermée entre 8 et 17 h demain.", "2018-11-01") ==
        V{"range entre 8 et 17 h demain=2018-11-02T08:00/2018-11-02T17:00 [2018-11-02T08:00..2018-11-02T17:00]*"});
  CHECK(times("en", "The talks run from Monday to Friday.") == V{"set from Monday to Friday=XXXX-WXX-1/XXXX-WXX-5 [XXXX-WXX-1..XXXX-WXX-5]"});
}

TEST_CASE("the reference date is found in the article") {
  CHECK(reference_date("Floods in the north\n\nPublished 12 March 2024\n\nThe river rose overnight.") == "2024-03-12");
  CHECK(reference_date("Storm in het westen\n\nThe river rose overnight and the roads were closed.") == "none");
  // in the language of the article's first blocks
  CHECK(reference_date("Inondations dans le nord\n\nMis à jour le 12 mars 2024\n\nLa rivière est sortie de son lit "
                       "pendant la nuit et les routes ont été fermées.") == "2024-03-12");
  CHECK(reference_date("BRUSSEL, 3 februari 2023 - De rivier trad buiten haar oevers en de wegen werden afgesloten "
                       "door de politie.") == "2023-02-03");
}

TEST_CASE("words that look like times but are not") {
  // "été" after an auxiliary is the verb; with an article or "en" it is the summer.
  CHECK(times("fr", "Trois hommes ont été arrêtés.") == V{});
  CHECK(times("fr", "Le festival a lieu en été.") == V{"date été=XXXX-SU"});
  CHECK(times("fr", "Ils partiront l'été prochain.", "2022-03-16") == V{"date l'été prochain=2022-SU [2022-06-21..2022-09-22]*"});
  // ages
  CHECK(times("fr", "Le conducteur, 27 ans, a été blessé.") == V{});
  CHECK(times("fr", "Une femme âgée de 64 ans a disparu.") == V{});
  CHECK(times("en", "The suspect, aged 31 years, was released.") == V{});
  CHECK(times("fr", "Il a passé 27 ans en prison.") == V{"duration 27 ans=P27Y"});
  // a unit glued to a number is a name ("trimestre1"), not 2017 quarters
  CHECK(times("fr", "Les ventes de 2017 trimestre1 ont baissé.") == V{"date 2017=2017"});
  CHECK(times("fr", "Agée de 81 ans, elle vivait seule.") == V{});
  CHECK(times("fr", "Le tournoi des moins de 19 ans commence.") == V{});
  CHECK(times("fr", "Une aide est prévue pour les plus de 65 ans.") == V{});
  // a season after "de" names a kind of thing; "dernière minute" is no time
  CHECK(times("fr", "Les Jeux d'hiver ont ouvert à Turin.") == V{});
  CHECK(times("fr", "Un accord de dernière minute a été trouvé.", "2003-01-31") == V{});
  CHECK(times("en", "A deal was struck at the last minute.", "2003-01-31") == V{});
  // a month that is also a number, a weekday abbreviation ending a sentence
  CHECK(times("fr", "Le meilleur des sept matches commence.") == V{});
  CHECK(times("fr", "Ils habitaient au bord de la mer. Les obsèques auront lieu lundi.", "2003-02-12") ==
        V{"date lundi=2003-02-17*"});
  // hours that last
  CHECK(times("fr", "Il a été séquestré pendant près de 24 heures.") == V{"duration près de 24 heures=PT24H APPROX"});
  CHECK(times("fr", "Le train est arrivé vers 14 heures.", "2003-02-12") ==
        V{"time vers 14 heures=2003-02-12T14:00 APPROX*"});
}

TEST_CASE("the tense chooses the weekday") {
  // 2002-09-14 is a Saturday.
  CHECK(times("fr", "Les obsèques seront célébrées lundi.", "2002-09-14") == V{"date lundi=2002-09-16*"});
  CHECK(times("fr", "Le maire a été reçu lundi.", "2002-09-14") == V{"date lundi=2002-09-09*"});
  // "a" is a past tense only with a participle: "a lieu" is the present
  CHECK(times("fr", "La foire a lieu du 10 au 12 mars.", "2024-02-28") ==
        V{"range du 10 au 12 mars=2024-03-10/2024-03-12 [2024-03-10..2024-03-12]*"});
  CHECK(times("fr", "Les attentats du 11 septembre ont mis fin au projet.", "2002-02-09") ==
        V{"date 11 septembre=2001-09-11*"});
  CHECK(times("fr", "Ils sont désormais troisièmes et peuvent gagner dimanche.", "2002-09-14") ==
        V{"date désormais=2002-09-14*", "date dimanche=2002-09-15*"});
}
