// Package api is Crosscheck's HTTP interface: the JSON API under /api/v1,
// its OpenAPI description, health checks, and the embedded browser app for
// every other path. Handlers decode, call the claims and sources packages,
// and encode; errors leave as RFC 9457 problem details.
package api
