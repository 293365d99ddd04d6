//! `nextToken`s: opaque to clients, tied to the list they came from. A token carries the
//! last key returned, so the next page starts after it: items that exist throughout are
//! never skipped or repeated, whatever is created or deleted between pages.

use crate::error::ApiError;

const CHECKSUM_DIGITS: usize = 16;

pub fn encode(list: &str, last_key: &str) -> String {
    let mut token: String = last_key.bytes().map(|byte| format!("{byte:02x}")).collect();
    token.push_str(&format!("{:016x}", checksum(list, last_key)));
    token
}

/// The key to resume after, or a 400 for a token this list did not issue.
pub fn decode(list: &str, token: &str) -> Result<String, ApiError> {
    let refused = || ApiError::bad_request("nextToken: not a token issued for this list");
    if token.len() < CHECKSUM_DIGITS || !token.is_ascii() || !token.len().is_multiple_of(2) {
        return Err(refused());
    }
    let (key_hex, sum_hex) = token.split_at(token.len() - CHECKSUM_DIGITS);
    let bytes = (0..key_hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&key_hex[i..i + 2], 16))
        .collect::<Result<Vec<u8>, _>>()
        .map_err(|_| refused())?;
    let key = String::from_utf8(bytes).map_err(|_| refused())?;
    let sum = u64::from_str_radix(sum_hex, 16).map_err(|_| refused())?;
    if sum == checksum(list, &key) { Ok(key) } else { Err(refused()) }
}

/// FNV-1a: enough to tell our tokens from others' and from other lists'; not a secret.
fn checksum(list: &str, key: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in list.bytes().chain([0u8]).chain(key.bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn tokens_round_trip() {
        let token = encode("list-a", "svc.local");
        assert_eq!(decode("list-a", &token).unwrap(), "svc.local");
    }

    #[test]
    fn tokens_of_another_list_or_forged_are_refused() {
        let token = encode("list-a", "svc.local");
        assert!(decode("list-b", &token).is_err());
        assert!(decode("list-a", "garbage").is_err());
        assert!(decode("list-a", "").is_err());
        let mut forged = token.clone();
        forged.replace_range(0..2, "00");
        assert!(decode("list-a", &forged).is_err());
    }
}
