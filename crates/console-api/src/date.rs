//! A moment as the calendar date an export's file name carries (UTC).

use mesh_engine::resource::Timestamp;

/// `YYYY-MM-DD` of the moment, in UTC.
pub fn utc_date(moment: Timestamp) -> String {
    let (year, month, day) = moment.utc_date();
    format!("{year:04}-{month:02}-{day:02}")
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
