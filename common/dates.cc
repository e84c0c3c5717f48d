#include "common/dates.h"

#include <cstdio>

namespace rasd {

std::string Date::ToString() const {
  if (!valid()) return "";
  char buf[40];  // room for any int, so the compiler can see nothing is cut
  if (month == 0) std::snprintf(buf, sizeof buf, "%04d", year);
  else if (day == 0) std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  else std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeapYear(y) ? 29 : kDays[m - 1];
}

bool IsRealDay(int y, int m, int d) { return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m); }

bool IsIsoDay(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  int field[3] = {0, 0, 0};
  for (size_t i = 0, f = 0; i < s.size(); ++i) {
    if (i == 4 || i == 7) {
      ++f;
      continue;
    }
    if (s[i] < '0' || s[i] > '9') return false;
    field[f] = field[f] * 10 + (s[i] - '0');
  }
  return IsRealDay(field[0], field[1], field[2]);
}

Date ParseIsoDate(const std::string& s) {
  Date d;
  int y = 0, m = 0, dd = 0;
  if (IsIsoDay(s) && std::sscanf(s.c_str(), "%4d-%2d-%2d", &y, &m, &dd) == 3) return {y, m, dd};
  if (s.size() == 7 && std::sscanf(s.c_str(), "%4d-%2d", &y, &m) == 2 && m >= 1 && m <= 12) return {y, m, 0};
  if (s.size() == 4 && std::sscanf(s.c_str(), "%4d", &y) == 1 && y > 0) return {y, 0, 0};
  return d;
}

// Howard Hinnant's civil-calendar algorithms.
long DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

Date CivilFromDays(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long y = static_cast<long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

int Weekday(const Date& d) {
  long days = DaysFromCivil(d.year, d.month, d.day);
  long w = (days + 3) % 7;  // 1970-01-01 was a Thursday (ISO 4)
  if (w < 0) w += 7;
  return static_cast<int>(w) + 1;
}

Date AddDays(const Date& d, long days) { return CivilFromDays(DaysFromCivil(d.year, d.month, d.day) + days); }

}  // namespace rasd
