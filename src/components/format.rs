//! Values as people read them: timestamps in UTC (the same for everyone a URL is shared with), statuses.

use mesh_engine::resource::Timestamp;

/// `2026-11-26 06:12:03 UTC`.
pub fn format_timestamp(timestamp: Timestamp) -> String {
    let second_of_day = timestamp.as_millis().div_euclid(1000).rem_euclid(86_400);
    let (year, month, day) = timestamp.utc_date();
    format!("{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02} UTC", second_of_day / 3600, second_of_day % 3600 / 60, second_of_day % 60)
}

/// `Active`, `Inactive`, `Deleted`.
pub fn status_label(status: mesh_engine::resource::StatusCode) -> &'static str {
    use mesh_engine::resource::StatusCode;
    match status {
        StatusCode::Active => "Active",
        StatusCode::Inactive => "Inactive",
        StatusCode::Deleted => "Deleted",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_utc() {
        assert_eq!(format_timestamp(Timestamp::from_millis(0)), "1970-01-01 00:00:00 UTC");
        assert_eq!(format_timestamp(Timestamp::from_millis(1_795_674_526_880)), "2026-11-26 06:28:46 UTC");
        assert_eq!(format_timestamp(Timestamp::from_millis(951_782_400_000)), "2000-02-29 00:00:00 UTC");
    }
}
