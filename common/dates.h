// Calendar dates at the precision a text gives them (a year, a month, a day).
#ifndef RASD_COMMON_DATES_H_
#define RASD_COMMON_DATES_H_

#include <string>
#include <string_view>

namespace rasd {

struct Date {
  int year = 0;   // 0: unknown
  int month = 0;  // 0: unknown
  int day = 0;    // 0: unknown
  bool valid() const { return year > 0; }
  std::string ToString() const;  // YYYY, YYYY-MM or YYYY-MM-DD
};

// Parses "YYYY-MM-DD" (or a prefix of it); an invalid string gives an invalid Date.
Date ParseIsoDate(const std::string& s);
// The one calendar check: every stage that accepts a day asks these.
bool IsLeapYear(int year);
bool IsRealDay(int year, int month, int day);
int DaysInMonth(int year, int month);  // month 1..12
// Exactly "YYYY-MM-DD" naming a real day.
bool IsIsoDay(std::string_view s);
// Days since 1970-01-01 and back.
long DaysFromCivil(int y, int m, int d);
Date CivilFromDays(long days);
// ISO weekday: 1 = Monday .. 7 = Sunday.
int Weekday(const Date& d);
Date AddDays(const Date& d, long days);

}  // namespace rasd

#endif  // RASD_COMMON_DATES_H_
