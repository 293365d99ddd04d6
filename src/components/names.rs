//! The name of a new mesh, virtual node or virtual router, checked as the user types.

use mesh_engine::names::ResourceName;

/// App Mesh's rules for the name, and that no `taken` one has it.
pub fn new_name_error(name: &str, taken: &[String], noun: &str) -> Option<String> {
    if name.is_empty() {
        return Some(format!("Enter a {noun} name."));
    }
    if let Err(problem) = ResourceName::parse(name) {
        return Some(format!("The name {problem}."));
    }
    taken.iter().any(|existing| existing == name).then(|| format!("A {noun} named {name} already exists."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_required_valid_and_free() {
        let taken = vec!["n1".to_string()];
        assert_eq!(new_name_error("", &taken, "virtual node").unwrap(), "Enter a virtual node name.");
        assert_eq!(new_name_error("n1", &taken, "virtual node").unwrap(), "A virtual node named n1 already exists.");
        assert!(new_name_error("a/b", &taken, "mesh").unwrap().starts_with("The name must not contain"));
        assert!(new_name_error(&"x".repeat(256), &taken, "mesh").unwrap().contains("255"));
        assert_eq!(new_name_error("n2", &taken, "virtual node"), None);
    }
}
