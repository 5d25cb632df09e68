package diag

// vi is a stand-in for the Vietnamese catalogue until main's is merged.
var vi = map[string]string{}
