package diag

// vi is the Vietnamese catalogue of messages; a stand-in until the
// catalogue lands on main (remove this file when merging it).
var vi = map[string]string{}
