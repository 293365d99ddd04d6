//! The keys a team's server accepts (`--credentials FILE`), in the AWS shared-credentials
//! format the CLI and SDKs already read: `[profile]` sections with `aws_access_key_id`,
//! `aws_secret_access_key` and `aws_account_id`. Secrets never appear in an error or a log.

use mesh_engine::names::AccountId;
use std::collections::HashMap;
use std::fmt;
use std::path::Path;
use subtle::ConstantTimeEq;

/// A secret access key: compared in constant time, never printed.
pub struct Secret(String);

impl Secret {
    pub fn matches(&self, offered: &str) -> bool {
        self.0.as_bytes().ct_eq(offered.as_bytes()).into()
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

#[derive(Debug)]
pub struct Key {
    pub secret: Secret,
    pub account: AccountId,
}

/// Every key of the file, by access key id.
#[derive(Debug)]
pub struct Credentials {
    keys: HashMap<String, Key>,
}

impl Credentials {
    pub fn load(path: &Path) -> Result<Self, String> {
        let text =
            std::fs::read_to_string(path).map_err(|error| format!("cannot read the credentials file {}: {error}", path.display()))?;
        Self::parse(&text).map_err(|error| format!("the credentials file {} {error}", path.display()))
    }

    pub fn parse(text: &str) -> Result<Self, String> {
        let mut profiles: Vec<(String, HashMap<String, String>)> = Vec::new();
        for (index, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') || line.starts_with(';') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|rest| rest.strip_suffix(']')) {
                let name = name.trim().to_owned();
                if profiles.iter().any(|(seen, _)| *seen == name) {
                    return Err(format!("names the profile [{name}] twice"));
                }
                profiles.push((name, HashMap::new()));
                continue;
            }
            let Some((setting, value)) = line.split_once('=') else {
                return Err(format!("has a line {} that is neither `[profile]` nor `name = value`", index + 1));
            };
            let Some((_, settings)) = profiles.last_mut() else {
                return Err(format!("has a setting on line {} before any `[profile]`", index + 1));
            };
            settings.insert(setting.trim().to_ascii_lowercase(), value.trim().to_owned());
        }
        let mut keys = HashMap::new();
        for (profile, mut settings) in profiles {
            let mut take = |setting: &str| {
                settings.remove(setting).filter(|value| !value.is_empty()).ok_or_else(|| format!("has no {setting} in [{profile}]"))
            };
            let (access_key_id, secret, account) = (take("aws_access_key_id")?, take("aws_secret_access_key")?, take("aws_account_id")?);
            let account = AccountId::parse(&account).map_err(|error| format!("has a bad aws_account_id in [{profile}]: {error}"))?;
            if keys.insert(access_key_id.clone(), Key { secret: Secret(secret), account }).is_some() {
                return Err(format!("gives the access key id {access_key_id} to two profiles"));
            }
        }
        if keys.is_empty() {
            return Err("holds no profile: add `[name]` with aws_access_key_id, aws_secret_access_key and aws_account_id".into());
        }
        Ok(Self { keys })
    }

    pub fn key(&self, access_key_id: &str) -> Option<&Key> {
        self.keys.get(access_key_id)
    }
}

#[cfg(test)]
mod tests {
    use super::Credentials;

    const FILE: &str = "# the team\n[alice]\naws_access_key_id = AKIAALICE\naws_secret_access_key = alice/secret+key\naws_account_id = 111111111111\n\n; bob\n[bob]\naws_access_key_id=AKIABOB\naws_secret_access_key=bob-secret\naws_account_id=222222222222\nregion = us-west-2\n";

    #[test]
    fn each_profile_is_a_key_of_its_account() {
        let credentials = Credentials::parse(FILE).unwrap();
        let alice = credentials.key("AKIAALICE").unwrap();
        assert_eq!(alice.account.as_str(), "111111111111");
        assert!(alice.secret.matches("alice/secret+key"));
        assert!(!alice.secret.matches("alice/secret+ke"));
        assert_eq!(credentials.key("AKIABOB").unwrap().account.as_str(), "222222222222");
        assert!(credentials.key("AKIANOBODY").is_none());
    }

    #[test]
    fn a_file_that_is_not_whole_is_refused_without_showing_a_secret() {
        let refused = |text: &str| Credentials::parse(text).unwrap_err();
        assert_eq!(refused(""), "holds no profile: add `[name]` with aws_access_key_id, aws_secret_access_key and aws_account_id");
        assert_eq!(refused("[a]\naws_access_key_id = K\naws_account_id = 111111111111\n"), "has no aws_secret_access_key in [a]");
        assert_eq!(refused("aws_access_key_id = K\n"), "has a setting on line 1 before any `[profile]`");
        assert_eq!(refused("[a]\nnonsense\n"), "has a line 2 that is neither `[profile]` nor `name = value`");
        let bad_account = refused("[a]\naws_access_key_id = K\naws_secret_access_key = s3cr3t\naws_account_id = 12\n");
        assert!(bad_account.starts_with("has a bad aws_account_id in [a]"), "{bad_account}");
        assert!(!bad_account.contains("s3cr3t"));
        let twice = "[a]\naws_access_key_id = K\naws_secret_access_key = s\naws_account_id = 111111111111\n";
        assert_eq!(refused(&format!("{twice}[b]{}", &twice[3..])), "gives the access key id K to two profiles");
        assert_eq!(refused(&format!("{twice}{twice}")), "names the profile [a] twice");
        assert_eq!(format!("{:?}", Credentials::parse(twice).unwrap().key("K").unwrap().secret), "Secret(<redacted>)");
    }
}
