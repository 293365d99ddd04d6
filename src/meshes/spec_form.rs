//! What a mesh's form sets in its spec: the egress filter.

/// The egress filter's choices (`EgressFilterType`), as the form names them.
pub const EGRESS_CHOICES: [(&str, &str); 2] = [
    ("DROP_ALL", "Deny all: only traffic to resources in the mesh"),
    ("ALLOW_ALL", "Allow all: also traffic to any address outside the mesh"),
];
