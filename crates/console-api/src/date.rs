//! A moment as the calendar date an export's file name carries (UTC).

use mesh_engine::resource::Timestamp;

/// `YYYY-MM-DD` of the moment, in UTC.
pub fn utc_date(moment: Timestamp) -> String {
    let days = moment.as_millis().div_euclid(86_400_000);
    let (year, month, day) = civil_from_days(days);
    format!("{year:04}-{month:02}-{day:02}")
}

/// Howard Hinnant's days-to-civil algorithm (proleptic Gregorian calendar).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * shifted_month + 2) / 5 + 1) as u32;
    let month = if shifted_month < 10 { shifted_month + 3 } else { shifted_month - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn dates_are_utc_calendar_days() {
        assert_eq!(utc_date(Timestamp::from_millis(0)), "1970-01-01");
        assert_eq!(utc_date(Timestamp::from_millis(951_782_400_000)), "2000-02-29");
        assert_eq!(utc_date(Timestamp::from_millis(1_796_342_399_999)), "2026-12-03");
        assert_eq!(utc_date(Timestamp::from_millis(-1)), "1969-12-31");
    }
}
