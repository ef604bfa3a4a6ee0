//! Dates that differ between aligned claims.
//!
//! Dates are paired with the other numbers of a claim (see `numbers`), since
//! "2000" may be a year in one version and a plain number in another; a
//! chain of paired facts that are all dates is reported as a `date`
//! discrepancy, with how far apart the dates are.

use crate::facts::DateValue;

/// Days since 1970-01-01 of a full date (Howard Hinnant's `days_from_civil`).
///
/// ```
/// use claimdiff::discrepancies::dates::day_number;
/// use claimdiff::facts::DateValue;
/// let d = |y, m, dd| DateValue { year: Some(y), month: Some(m), day: Some(dd), ..Default::default() };
/// assert_eq!(day_number(&d(1970, 1, 1)), Some(0));
/// assert_eq!(day_number(&d(2024, 3, 1)).unwrap() - day_number(&d(2024, 2, 28)).unwrap(), 2);
/// assert_eq!(day_number(&DateValue { year: Some(2024), ..Default::default() }), None);
/// ```
pub fn day_number(date: &DateValue) -> Option<i64> {
    let (y, m, d) = (
        i64::from(date.year?),
        i64::from(date.month?),
        i64::from(date.day?),
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The gap between the earliest and latest of `dates`, for the message:
/// " (1 day apart)", " (2 years apart)", or "" when it cannot be said.
///
/// ```
/// use claimdiff::discrepancies::dates::gap;
/// use claimdiff::facts::DateValue;
/// let d = |y, m, dd| DateValue { year: Some(y), month: Some(m), day: Some(dd), ..Default::default() };
/// assert_eq!(gap(&[d(2024, 6, 18), d(2024, 6, 19)]), " (1 day apart)");
/// let y = |y| DateValue { year: Some(y), ..Default::default() };
/// assert_eq!(gap(&[y(2000), y(2002)]), " (2 years apart)");
/// ```
pub fn gap(dates: &[DateValue]) -> String {
    let span = |values: &[i64]| {
        let (lo, hi) = (values.iter().min()?, values.iter().max()?);
        Some(hi - lo)
    };
    let days: Option<Vec<i64>> = dates.iter().map(day_number).collect();
    let years: Option<Vec<i64>> = dates.iter().map(|d| d.year.map(i64::from)).collect();
    let months_only = dates.iter().all(|d| d.day.is_none() && d.month.is_some());
    let (n, unit) = match (days, years) {
        (Some(days), _) => (span(&days), "day"),
        (None, Some(years)) if dates.iter().all(|d| d.month.is_none()) => (span(&years), "year"),
        (None, Some(_)) if months_only => {
            let months: Vec<i64> = dates
                .iter()
                .map(|d| i64::from(d.year.unwrap_or(0)) * 12 + i64::from(d.month.unwrap_or(0)))
                .collect();
            (span(&months), "month")
        }
        _ => (None, ""),
    };
    match n {
        Some(n) if n > 0 => format!(" ({n} {unit}{} apart)", if n == 1 { "" } else { "s" }),
        _ => String::new(),
    }
}
