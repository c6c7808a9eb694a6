// The types of every path, request and response of the API.
// Generated from cellhub's /openapi.json by `npm run sdk:generate`; do not edit.

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness: the process is running and answering
         * @description Answers 200 `{status: "ok"}` while the process runs its event loop; it checks nothing else, so a failing database never restarts a process that could recover.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The process is alive */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness: the database is reachable, migrations are applied, and this process's workers (if it runs them) are running
         * @description Answers 200 `{status: "ready"}` when the database answers within 2 s, the newest migration is applied and, in a process that runs workers, they run; otherwise 503 with Retry-After and one message per thing not ready.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The database answers, its migrations are applied, and the workers run where this process runs them */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ready";
                        };
                    };
                };
                /** @description Not ready: INTERNAL_ERROR with status 503 and Retry-After, one message per thing that is not ready (database, workers) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INTERNAL_ERROR",
                         *       "messages": [
                         *         "workers: not running"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics of this process (requests, jobs, webhooks, SMPP, database pool, authentication failures)
         * @description The Prometheus text exposition format, behind the operator token (or without one on METRICS_PORT, when set). Labels are route patterns, job kinds and outcomes, never an organization or an id. Queue gauges are database-wide: take one process's value; counters are per process and add up.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The Prometheus text exposition format */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": string;
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "text/plain": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/realms/{realm}/.well-known/openid-configuration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * OpenID discovery document
         * @description The realm's OpenID Connect discovery document: issuer, token endpoint, JWKS URI and the grants served (client_credentials, refresh_token). Realms: `enterprise-apis` (Enterprise API) and `tru-staff` (Connect API); any other realm answers 404.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    realm: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/realms/{realm}/protocol/openid-connect/certs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The realm's token signing keys (JWKS)
         * @description The public keys (RS256) that sign the realm's access tokens, to verify them offline. Keys rotate: verify by `kid`. Off when an external issuer (`ISSUER_URL`) serves tokens.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    realm: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/realms/{realm}/protocol/openid-connect/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue an access token (client credentials or refresh token grant)
         * @description OAuth2 token endpoint (Keycloak-compatible path), form-encoded. `grant_type=client_credentials` with `client_id` and `client_secret` in HTTP Basic or the body answers an access token (a JWT, 300 s) and a refresh token (1800 s). `grant_type=refresh_token` with the `refresh_token` and the client's credentials answers new ones; a refresh token works once, and presenting a used one again revokes its whole family. A client's credentials work only in its own realm. Errors keep the error model and add OAuth2's `error` (`invalid_client`, `invalid_request`, `invalid_grant`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    realm: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/x-www-form-urlencoded": {
                        /** @enum {unknown} */
                        grant_type: "client_credentials" | "refresh_token";
                        client_id?: string;
                        client_secret?: string;
                        refresh_token?: string;
                        scope?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "access_token": "eyJhbGciOiJSUzI1NiIsInR5cCI6ImF0K2p3dCIsImtpZCI6IjEifQ.eyJzdWIiOiJkZW1vLWFjbWUtZW50ZXJwcmlzZSJ9.c2lnbmF0dXJl",
                         *       "token_type": "Bearer",
                         *       "expires_in": 300,
                         *       "refresh_token": "rt_01JBCG33BC2PS4J76JN685GN56.c2VjcmV0",
                         *       "refresh_expires_in": 1800,
                         *       "scope": ""
                         *     }
                         */
                        "application/json": {
                            access_token: string;
                            /** @enum {string} */
                            token_type: "Bearer";
                            expires_in: number;
                            refresh_token: string;
                            refresh_expires_in: number;
                            scope: string;
                        };
                    };
                };
                /** @description `INVALID_REQUEST_PARAMS` with OAuth2 `invalid_request` (a missing client_id, client_secret or refresh_token, an unknown grant_type) or `invalid_grant` (a refresh token unknown, expired, of another client, or used before: its family is then revoked). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "refresh_token: was used before; every token of its family is revoked"
                         *       ],
                         *       "error": "invalid_grant",
                         *       "error_description": "refresh_token: was used before; every token of its family is revoked"
                         *     }
                         */
                        "application/json": {
                            type: string;
                            messages: string[];
                            /** @description RFC 6749 error code */
                            error?: string;
                            error_description?: string;
                        };
                    };
                };
                /** @description `UNAUTHORISED` with OAuth2 `invalid_client`: no client authentication, an unknown client or a wrong secret (the same answer), a disabled client, or a client of the other realm. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "client_id: unknown client or wrong client_secret"
                         *       ],
                         *       "error": "invalid_client",
                         *       "error_description": "client_id: unknown client or wrong client_secret"
                         *     }
                         */
                        "application/json": {
                            type: string;
                            messages: string[];
                            /** @description RFC 6749 error code */
                            error?: string;
                            error_description?: string;
                        };
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/enterprise/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List accounts
         * @description The organization's business accounts, newest first, as a HAL page (`_embedded.accounts`); `_links.next` is present exactly when another page exists. Needs the accounts licence.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Page size */
                    limit?: number;
                    /** @description Opaque cursor from a `next` link */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            _links: {
                                self: {
                                    href: string;
                                };
                                next?: {
                                    href: string;
                                };
                            };
                            _embedded: {
                                accounts: {
                                    id: string;
                                    reference_code: string;
                                    name: string;
                                    country: string;
                                    status: string;
                                    _links: {
                                        self: {
                                            href: string;
                                        };
                                    };
                                }[];
                            };
                        };
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/enterprise/accounts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an account
         * @description One business account: `id` (`acc_` + ULID), `reference_code`, `name`, `country`, `status`. Another organization's account, or a malformed id, answers 404.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "acc_01HTQ8VBN4DEJP5S8BPV4657VG",
                         *       "reference_code": "ACME-UK-001",
                         *       "name": "Acme Logistics UK",
                         *       "country": "GB",
                         *       "status": "active",
                         *       "_links": {
                         *         "self": {
                         *           "href": "/enterprise/accounts/acc_01HTQ8VBN4DEJP5S8BPV4657VG"
                         *         }
                         *       }
                         *     }
                         */
                        "application/json": {
                            id: string;
                            reference_code: string;
                            name: string;
                            country: string;
                            status: string;
                            _links: {
                                self: {
                                    href: string;
                                };
                            };
                        };
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/enterprise/subscribers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List subscribers
         * @description The organization's subscribers (the people using the subscriptions), newest first, as a HAL page (`_embedded.subscribers`). Needs the subscribers licence.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Page size */
                    limit?: number;
                    /** @description Opaque cursor from a `next` link */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            _links: {
                                self: {
                                    href: string;
                                };
                                next?: {
                                    href: string;
                                };
                            };
                            _embedded: {
                                subscribers: {
                                    id: string;
                                    first_name: string;
                                    last_name: string;
                                    email: string;
                                    employee_id: string | null;
                                    group: string | null;
                                    _links: {
                                        self: {
                                            href: string;
                                        };
                                    };
                                }[];
                            };
                        };
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/enterprise/subscribers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a subscriber
         * @description One subscriber: `id` (`sbr_` + ULID), `first_name`, `last_name`, `email`, `employee_id`, `group`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "sbr_01CWCM8KDGFTCYVH3KDP46HDXV",
                         *       "first_name": "Ada",
                         *       "last_name": "Lovelace",
                         *       "email": "ada@example.com",
                         *       "employee_id": "E-1815",
                         *       "group": "Engineering",
                         *       "_links": {
                         *         "self": {
                         *           "href": "/enterprise/subscribers/sbr_01CWCM8KDGFTCYVH3KDP46HDXV"
                         *         }
                         *       }
                         *     }
                         */
                        "application/json": {
                            id: string;
                            first_name: string;
                            last_name: string;
                            email: string;
                            employee_id: string | null;
                            group: string | null;
                            _links: {
                                self: {
                                    href: string;
                                };
                            };
                        };
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/enterprise/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List subscriptions
         * @description The organization's subscriptions, newest first, filtered by `status` (active, suspended, terminated). Without a `Prefer` header a subscription carries `_links` to its parts; with `Prefer: transclude="subscriber;account;sim_profile;phone_numbers;services"` exactly the named parts are embedded, and `Preference-Applied` says which.
         */
        get: {
            parameters: {
                query?: {
                    status?: "active" | "suspended" | "terminated";
                    /** @description Page size */
                    limit?: number;
                    /** @description Opaque cursor from a `next` link */
                    cursor?: string;
                };
                header?: {
                    /** @description transclude="subscriber;account;sim_profile;phone_numbers;services" */
                    prefer?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            _links: {
                                self: {
                                    href: string;
                                };
                                next?: {
                                    href: string;
                                };
                            };
                            _embedded: {
                                subscriptions: {
                                    id: string;
                                    status: string;
                                    created_at: string;
                                    terminated_at: string | null;
                                    _links: {
                                        self: {
                                            href: string;
                                        };
                                        account: {
                                            href: string;
                                        };
                                        subscriber: {
                                            href: string;
                                        };
                                        sim_profile: {
                                            href: string;
                                        };
                                        phone_numbers: {
                                            href: string;
                                        };
                                        services: {
                                            href: string;
                                        };
                                        products: {
                                            href: string;
                                        };
                                    };
                                    _embedded?: {
                                        /**
                                         * @example {
                                         *       "id": "acc_01HTQ8VBN4DEJP5S8BPV4657VG",
                                         *       "reference_code": "ACME-UK-001",
                                         *       "name": "Acme Logistics UK",
                                         *       "country": "GB",
                                         *       "status": "active",
                                         *       "_links": {
                                         *         "self": {
                                         *           "href": "/enterprise/accounts/acc_01HTQ8VBN4DEJP5S8BPV4657VG"
                                         *         }
                                         *       }
                                         *     }
                                         */
                                        account?: {
                                            id: string;
                                            reference_code: string;
                                            name: string;
                                            country: string;
                                            status: string;
                                            _links: {
                                                self: {
                                                    href: string;
                                                };
                                            };
                                        };
                                        /**
                                         * @example {
                                         *       "id": "sbr_01CWCM8KDGFTCYVH3KDP46HDXV",
                                         *       "first_name": "Ada",
                                         *       "last_name": "Lovelace",
                                         *       "email": "ada@example.com",
                                         *       "employee_id": "E-1815",
                                         *       "group": "Engineering",
                                         *       "_links": {
                                         *         "self": {
                                         *           "href": "/enterprise/subscribers/sbr_01CWCM8KDGFTCYVH3KDP46HDXV"
                                         *         }
                                         *       }
                                         *     }
                                         */
                                        subscriber?: {
                                            id: string;
                                            first_name: string;
                                            last_name: string;
                                            email: string;
                                            employee_id: string | null;
                                            group: string | null;
                                            _links: {
                                                self: {
                                                    href: string;
                                                };
                                            };
                                        };
                                        sim_profile?: {
                                            iccid: string;
                                            sim_type: string;
                                            status: string;
                                            eid?: string | null;
                                            activation_code?: string | null;
                                            _links: {
                                                self: {
                                                    href: string;
                                                };
                                                subscription: {
                                                    href: string;
                                                };
                                                qr_code_png?: {
                                                    href: string;
                                                };
                                                qr_code_svg?: {
                                                    href: string;
                                                };
                                            };
                                        } | null;
                                        /**
                                         * @example {
                                         *       "_links": {
                                         *         "self": {
                                         *           "href": "/enterprise/subscriptions/sub_01HTJA47C93ABKKR58T05JBAJB/phone-numbers"
                                         *         },
                                         *         "subscription": {
                                         *           "href": "/enterprise/subscriptions/sub_01HTJA47C93ABKKR58T05JBAJB"
                                         *         }
                                         *       },
                                         *       "_embedded": {
                                         *         "phone_numbers": [
                                         *           {
                                         *             "msisdn": "447700900123",
                                         *             "is_primary": true,
                                         *             "country": "GB"
                                         *           }
                                         *         ]
                                         *       }
                                         *     }
                                         */
                                        phone_numbers?: {
                                            _links: {
                                                self: {
                                                    href: string;
                                                };
                                                subscription: {
                                                    href: string;
                                                };
                                            };
                                            _embedded: {
                                                phone_numbers: {
                                                    msisdn: string;
                                                    is_primary: boolean;
                                                    country: string;
                                                }[];
                                            };
                                        };
                                        /**
                                         * @example {
                                         *       "_links": {
                                         *         "self": {
                                         *           "href": "/enterprise/subscriptions/sub_01HTJA47C93ABKKR58T05JBAJB/services"
                                         *         },
                                         *         "subscription": {
                                         *           "href": "/enterprise/subscriptions/sub_01HTJA47C93ABKKR58T05JBAJB"
                                         *         }
                                         *       },
                                         *       "_embedded": {
                                         *         "services": [
                                         *           {
                                         *             "type": "voice",
                                         *             "enabled": true
                                         *           },
                                         *           {
                                         *             "type": "sms",
                                         *             "enabled": true
                                         *           },
                                         *           {
                                         *             "type": "data",
                                         *             "enabled": true
                                         *           },
                                         *           {
                                         *             "type": "roaming",
                                         *             "enabled": false
                                         *           }
                                         *         ]
                                         *       }
                                         *     }
                                         */
                                        services?: {
                                            _links: {
                                                self: {
                                                    href: string;
                                                };
                                                subscription: {
                                                    href: string;
                                                };
                                            };
                                            _embedded: {
                                                services: {
                                                    type: string;
                                                    enabled: boolean;
                                                }[];
                                            };
                                        };
                                    };
                                }[];
                            };
                        };
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/enterprise/subscriptions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a subscription
         * @description One subscription (`sub_` + ULID) with its status and links to its subscriber, account, SIM profile, phone numbers and services; `Prefer: transclude="…"` embeds the named parts.
         */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /** @description transclude="subscriber;account;sim_profile;phone_numbers;services" */
                    prefer?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "sub_01HTJA47C93ABKKR58T05JBAJB",
                         *       "status": "active",
                         *       "created_at": "2026-09-01T08:30:00.000Z",
                         *       "terminated_at": null,
                         *       "_links": {
                         *         "self": {
                         *           "href": "/enterprise/subscriptions/sub_01HTJA47C93ABKKR58T05JBAJB"
                         *         },
                         *         "account": {
                         *           "href": "/enterprise/accounts/acc_01HTQ8VBN4DEJP5S8BPV4657VG"
                         *         },
                         *         "subscriber": {
                         *           "href": "/enterprise/subscribers/sbr_01CWCM8KDGFTCYVH3KDP46HDXV"
                         *         },
                         *         "sim_profile": {
                         *           "href": "/enterprise/subscriptions/sub_01HTJA47C93ABKKR58T05JBAJB/sim-profile"
                         *         },
                         *         "phone_numbers": {
                         *           "href": "/enterprise/subscriptions/sub_01HTJA47C93ABKKR58T05JBAJB/phone-numbers"
                         *         },
                         *         "services": {
                         *           "href": "/enterprise/subscriptions/sub_01HTJA47C93ABKKR58T05JBAJB/services"
                         *         },
                         *         "products": {
                         *           "href": "/enterprise/products?account_id=acc_01HTQ8VBN4DEJP5S8BPV4657VG"
                         *         }
                         *       }
                         *     }
                         */
                        "application/json": {
                            id: string;
                            status: string;
                            created_at: string;
                            terminated_at: string | null;
                            _links: {
                                self: {
                                    href: string;
                                };
                                account: {
                                    href: string;
                                };
                                subscriber: {
                                    href: string;
                                };
                                sim_profile: {
                                    href: string;
                                };
                                phone_numbers: {
                                    href: string;
                                };
                                services: {
                                    href: string;
                                };
                                products: {
                                    href: string;
                                };
                            };
                            _embedded?: {
                                /**
                                 * @example {
                                 *       "id": "acc_01HTQ8VBN4DEJP5S8BPV4657VG",
                                 *       "reference_code": "ACME-UK-001",
                                 *       "name": "Acme Logistics UK",
                                 *       "country": "GB",
                                 *       "status": "active",
                                 *       "_links": {
                                 *         "self": {
                                 *           "href": "/enterprise/accounts/acc_01HTQ8VBN4DEJP5S8BPV4657VG"
                                 *         }
                                 *       }
                                 *     }
                                 */
                                account?: {
                                    id: string;
                                    reference_code: string;
                                    name: string;
                                    country: string;
                                    status: string;
                                    _links: {
                                        self: {
                                            href: string;
                                        };
                                    };
                                };
                                /**
                                 * @example {
                                 *       "id": "sbr_01CWCM8KDGFTCYVH3KDP46HDXV",
                                 *       "first_name": "Ada",
                                 *       "last_name": "Lovelace",
                                 *       "email": "ada@example.com",
                                 *       "employee_id": "E-1815",
                                 *       "group": "Engineering",
                                 *       "_links": {
                                 *         "self": {
                                 *           "href": "/enterprise/subscribers/sbr_01CWCM8KDGFTCYVH3KDP46HDXV"
                                 *         }
                                 *       }
                                 *     }
                                 */
                                subscriber?: {
                                    id: string;
                                    first_name: string;
                                    last_name: string;
                                    email: string;
                                    employee_id: string | null;
                                    group: string | null;
                                    _links: {
                                        self: {
                                            href: string;
                                        };
                                    };
                                };
                                sim_profile?: {
                                    iccid: string;
                                    sim_type: string;
                                    status: string;
                                    eid?: string | null;
                                    activation_code?: string | null;
                                    _links: {
                                        self: {
                                            href: string;
                                        };
                                        subscription: {
                                            href: string;
                                        };
                                        qr_code_png?: {
                                            href: string;
                                        };
                                        qr_code_svg?: {
                                            href: string;
                                        };
                                    };
                                } | null;
                                /**
                                 * @example {
                                 *       "_links": {
                                 *         "self": {
                                 *           "href": "/enterprise/subscriptions/sub_01HTJA47C93ABKKR58T05JBAJB/phone-numbers"
                                 *         },
                                 *         "subscription": {
                                 *           "href": "/enterprise/subscriptions/sub_01HTJA47C93ABKKR58T05JBAJB"
                                 *         }
                                 *       },
                                 *       "_embedded": {
                                 *         "phone_numbers": [
                                 *           {
                                 *             "msisdn": "447700900123",
                                 *             "is_primary": true,
                                 *             "country": "GB"
                                 *           }
                                 *         ]
                                 *       }
                                 *     }
                                 */
                                phone_numbers?: {
                                    _links: {
                                        self: {
                                            href: string;
                                        };
                                        subscription: {
                                            href: string;
                                        };
                                    };
                                    _embedded: {
                                        phone_numbers: {
                                            msisdn: string;
                                            is_primary: boolean;
                                            country: string;
                                        }[];
                                    };
                                };
                                /**
                                 * @example {
                                 *       "_links": {
                                 *         "self": {
                                 *           "href": "/enterprise/subscriptions/sub_01HTJA47C93ABKKR58T05JBAJB/services"
                                 *         },
                                 *         "subscription": {
                                 *           "href": "/enterprise/subscriptions/sub_01HTJA47C93ABKKR58T05JBAJB"
                                 *         }
                                 *       },
                                 *       "_embedded": {
                                 *         "services": [
                                 *           {
                                 *             "type": "voice",
                                 *             "enabled": true
                                 *           },
                                 *           {
                                 *             "type": "sms",
                                 *             "enabled": true
                                 *           },
                                 *           {
                                 *             "type": "data",
                                 *             "enabled": true
                                 *           },
                                 *           {
                                 *             "type": "roaming",
                                 *             "enabled": false
                                 *           }
                                 *         ]
                                 *       }
                                 *     }
                                 */
                                services?: {
                                    _links: {
                                        self: {
                                            href: string;
                                        };
                                        subscription: {
                                            href: string;
                                        };
                                    };
                                    _embedded: {
                                        services: {
                                            type: string;
                                            enabled: boolean;
                                        }[];
                                    };
                                };
                            };
                        };
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/enterprise/subscriptions/{id}/phone-numbers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a subscription's phone numbers
         * @description The subscription's numbers: `_embedded.phone_numbers[]` of `{msisdn, is_primary, country}`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "_links": {
                         *         "self": {
                         *           "href": "/enterprise/subscriptions/sub_01HTJA47C93ABKKR58T05JBAJB/phone-numbers"
                         *         },
                         *         "subscription": {
                         *           "href": "/enterprise/subscriptions/sub_01HTJA47C93ABKKR58T05JBAJB"
                         *         }
                         *       },
                         *       "_embedded": {
                         *         "phone_numbers": [
                         *           {
                         *             "msisdn": "447700900123",
                         *             "is_primary": true,
                         *             "country": "GB"
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            _links: {
                                self: {
                                    href: string;
                                };
                                subscription: {
                                    href: string;
                                };
                            };
                            _embedded: {
                                phone_numbers: {
                                    msisdn: string;
                                    is_primary: boolean;
                                    country: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/enterprise/subscriptions/{id}/services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a subscription's services
         * @description The subscription's services and whether each is enabled: `_embedded.services[]` of `{type (voice, sms, data, roaming…), enabled}`. A suspended subscription has every service barred.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "_links": {
                         *         "self": {
                         *           "href": "/enterprise/subscriptions/sub_01HTJA47C93ABKKR58T05JBAJB/services"
                         *         },
                         *         "subscription": {
                         *           "href": "/enterprise/subscriptions/sub_01HTJA47C93ABKKR58T05JBAJB"
                         *         }
                         *       },
                         *       "_embedded": {
                         *         "services": [
                         *           {
                         *             "type": "voice",
                         *             "enabled": true
                         *           },
                         *           {
                         *             "type": "sms",
                         *             "enabled": true
                         *           },
                         *           {
                         *             "type": "data",
                         *             "enabled": true
                         *           },
                         *           {
                         *             "type": "roaming",
                         *             "enabled": false
                         *           }
                         *         ]
                         *       }
                         *     }
                         */
                        "application/json": {
                            _links: {
                                self: {
                                    href: string;
                                };
                                subscription: {
                                    href: string;
                                };
                            };
                            _embedded: {
                                services: {
                                    type: string;
                                    enabled: boolean;
                                }[];
                            };
                        };
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/enterprise/subscriptions/{id}/sim-profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a subscription's SIM profile
         * @description The SIM profile: `iccid`, `sim_type` (esim or psim), `status`; for an eSIM its activation code (`LPA:1$<SM-DP+ address>$<matching id>`) and links to its QR code.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "iccid": "8944500102198304826",
                         *       "sim_type": "esim",
                         *       "status": "installed",
                         *       "eid": "89049032004008882600019002596666",
                         *       "activation_code": "LPA:1$smdp.cellhub.local$QR-G-5C-KR-1PXPK7D",
                         *       "_links": {
                         *         "self": {
                         *           "href": "/enterprise/subscriptions/sub_01HTJA47C93ABKKR58T05JBAJB/sim-profile"
                         *         },
                         *         "subscription": {
                         *           "href": "/enterprise/subscriptions/sub_01HTJA47C93ABKKR58T05JBAJB"
                         *         },
                         *         "qr_code_png": {
                         *           "href": "/enterprise/subscriptions/sub_01HTJA47C93ABKKR58T05JBAJB/sim-profile/qr-code.png"
                         *         },
                         *         "qr_code_svg": {
                         *           "href": "/enterprise/subscriptions/sub_01HTJA47C93ABKKR58T05JBAJB/sim-profile/qr-code.svg"
                         *         }
                         *       }
                         *     }
                         */
                        "application/json": {
                            iccid: string;
                            sim_type: string;
                            status: string;
                            eid?: string | null;
                            activation_code?: string | null;
                            _links: {
                                self: {
                                    href: string;
                                };
                                subscription: {
                                    href: string;
                                };
                                qr_code_png?: {
                                    href: string;
                                };
                                qr_code_svg?: {
                                    href: string;
                                };
                            };
                        };
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/enterprise/subscriptions/{id}/sim-profile/qr-code.png": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The eSIM activation code as a QR code (PNG)
         * @description The eSIM's activation code as a PNG QR code, to scan with the device. 404 for a physical SIM or an eSIM not yet prepared.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "image/png": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "image/png": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "image/png": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "image/png": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/enterprise/subscriptions/{id}/sim-profile/qr-code.svg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The eSIM activation code as a QR code (SVG)
         * @description The eSIM's activation code as a SVG QR code, to scan with the device. 404 for a physical SIM or an eSIM not yet prepared.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "image/svg+xml": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "image/svg+xml": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "image/svg+xml": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "image/svg+xml": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/enterprise/order-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List order templates
         * @description The order templates the organization may order from (`_embedded["order-templates"]`): each names the account, the plans and add-ons (`_embedded["product-offering"]` `{id, type: plan or add_on, name}`) and the number pool a new subscription gets. Needs the order_templates licence.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Page size */
                    limit?: number;
                    /** @description Opaque cursor from a `next` link */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            _links: {
                                self: {
                                    href: string;
                                };
                                next?: {
                                    href: string;
                                };
                            };
                            _embedded: {
                                "order-templates": {
                                    id: string;
                                    type: string;
                                    description: string;
                                    products: {
                                        _embedded: {
                                            "product-offering": {
                                                id: string;
                                                type: string;
                                                name: string;
                                            };
                                        };
                                    }[];
                                    _links: {
                                        self: {
                                            href: string;
                                        };
                                    };
                                }[];
                            };
                        };
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/enterprise/order-templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an order template
         * @description One order template (`otpl_` + ULID) with its product offerings.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "otpl_A00ABCDRT1F00AVRPTAQ5XQFUT",
                         *       "type": "activate_subscription",
                         *       "description": "UK employee: unlimited calls and texts, 20 GB",
                         *       "products": [
                         *         {
                         *           "_embedded": {
                         *             "product-offering": {
                         *               "id": "prodoff_01J00000000000000000000001",
                         *               "type": "plan",
                         *               "name": "UK Unlimited 20 GB"
                         *             }
                         *           }
                         *         },
                         *         {
                         *           "_embedded": {
                         *             "product-offering": {
                         *               "id": "prodoff_01J00000000000000000000002",
                         *               "type": "add_on",
                         *               "name": "EU Roaming 5 GB"
                         *             }
                         *           }
                         *         }
                         *       ],
                         *       "_links": {
                         *         "self": {
                         *           "href": "/enterprise/order-templates/otpl_A00ABCDRT1F00AVRPTAQ5XQFUT"
                         *         }
                         *       }
                         *     }
                         */
                        "application/json": {
                            id: string;
                            type: string;
                            description: string;
                            products: {
                                _embedded: {
                                    "product-offering": {
                                        id: string;
                                        type: string;
                                        name: string;
                                    };
                                };
                            }[];
                            _links: {
                                self: {
                                    href: string;
                                };
                            };
                        };
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/enterprise/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List products
         * @description The products of the organization's subscriptions (plans and add-ons as ordered), filtered by `account_id` and `status`: `id`, `status`, `activated_at`, `terminates_at`, `_links.subscription`.
         */
        get: {
            parameters: {
                query?: {
                    account_id?: string;
                    status?: "active" | "terminated";
                    /** @description Page size */
                    limit?: number;
                    /** @description Opaque cursor from a `next` link */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            _links: {
                                self: {
                                    href: string;
                                };
                                next?: {
                                    href: string;
                                };
                            };
                            _embedded: {
                                products: {
                                    id: string;
                                    status: string;
                                    activated_at: string;
                                    terminates_at: string | null;
                                    _links: {
                                        self: {
                                            href: string;
                                        };
                                        subscription: {
                                            href: string;
                                        };
                                        account: {
                                            href: string;
                                        };
                                    };
                                }[];
                            };
                        };
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/enterprise/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a product
         * @description One product (`prod_` + ULID) with its offering, allowance and link to its subscription.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "prod_01J00000000000000000000003",
                         *       "status": "active",
                         *       "activated_at": "2026-09-01T08:31:00.000Z",
                         *       "terminates_at": null,
                         *       "_links": {
                         *         "self": {
                         *           "href": "/enterprise/products/prod_01J00000000000000000000003"
                         *         },
                         *         "subscription": {
                         *           "href": "/enterprise/subscriptions/sub_01HTJA47C93ABKKR58T05JBAJB"
                         *         },
                         *         "account": {
                         *           "href": "/enterprise/accounts/acc_01HTQ8VBN4DEJP5S8BPV4657VG"
                         *         }
                         *       }
                         *     }
                         */
                        "application/json": {
                            id: string;
                            status: string;
                            activated_at: string;
                            terminates_at: string | null;
                            _links: {
                                self: {
                                    href: string;
                                };
                                subscription: {
                                    href: string;
                                };
                                account: {
                                    href: string;
                                };
                            };
                        };
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/enterprise/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List orders
         * @description The organization's orders, newest first, filtered by `status`, `type` and `account_id` (a cellhub addition: the provider documents only the order by id).
         */
        get: {
            parameters: {
                query?: {
                    status?: "pending" | "completed" | "failed" | "canceled";
                    type?: "activate_subscription" | "suspend_subscription" | "resume_subscription" | "change_sim_profile" | "terminate_subscription";
                    account_id?: string;
                    /** @description Page size */
                    limit?: number;
                    /** @description Opaque cursor from a `next` link */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            _links: {
                                self: {
                                    href: string;
                                };
                                next?: {
                                    href: string;
                                };
                            };
                            _embedded: {
                                orders: {
                                    id: string;
                                    status: string;
                                    type: string;
                                    account_id: string;
                                    subscription_id: string | null;
                                    sim_profile: {
                                        iccid: string | null;
                                        sim_type: string;
                                        delivery: {
                                            type: string;
                                            to: string[];
                                            cc: string[];
                                            status?: string;
                                        } | null;
                                        _links: {
                                            self?: {
                                                href: string;
                                            };
                                        };
                                    } | null;
                                    phone_numbers: {
                                        msisdn: string;
                                        is_primary: boolean;
                                        country: string;
                                    }[];
                                    subscriber: {
                                        id: string | null;
                                        first_name: string;
                                        last_name: string;
                                        email: string;
                                        employee_id: string | null;
                                        group: string | null;
                                        /** @description The subscriber, once the order has made or found it */
                                        _links: {
                                            self?: {
                                                href: string;
                                            };
                                        };
                                    } | null;
                                    reason: string | null;
                                    failure_reason: string | null;
                                    created_at: string;
                                    completed_at: string | null;
                                    _links: {
                                        self: {
                                            href: string;
                                        };
                                        account: {
                                            href: string;
                                        };
                                        subscription?: {
                                            href: string;
                                        };
                                    };
                                }[];
                            };
                        };
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Place an order (answers at once; fulfilment is asynchronous)
         * @description Places an order and answers 201 with `status: pending` at once; fulfilment runs in the background and the order becomes `completed`, or `failed` with a `reason`. Types: `activate_subscription` (template, subscriber, SIM profile with its delivery), `suspend_subscription` (with a `reason`), `resume_subscription`, `change_sim_profile` (SIM swap) and `terminate_subscription`. An order that cannot be valid (unknown template, subscription in the wrong state) is refused at once with 400 or 409. Send an `Idempotency-Key`: a retry with the same key and body replays the first answer; the same key with another body is 409.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer for 24 h; the same key with another request is 409 */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {unknown} */
                        type: "activate_subscription" | "suspend_subscription" | "resume_subscription" | "change_sim_profile" | "terminate_subscription";
                        account_id: string;
                        template_id?: string;
                        subscription_id?: string;
                        subscriber?: {
                            first_name: string;
                            last_name: string;
                            /** Format: email */
                            email: string;
                            employee_id?: string;
                            group?: string;
                        };
                        sim_profile?: {
                            /** @enum {unknown} */
                            sim_type: "esim" | "psim";
                            delivery?: {
                                /** @enum {unknown} */
                                type: "email" | "api";
                                to?: string[];
                                cc?: string[];
                            };
                        };
                        /** @enum {unknown} */
                        reason?: "lost_or_stolen" | "temporary" | "fraud" | "non_payment" | "other";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "order_01HZS5KETGM8XXF53WZJWDDV4C",
                         *       "status": "pending",
                         *       "type": "activate_subscription",
                         *       "account_id": "acc_01HTQ8VBN4DEJP5S8BPV4657VG",
                         *       "subscription_id": null,
                         *       "sim_profile": {
                         *         "iccid": null,
                         *         "sim_type": "esim",
                         *         "delivery": {
                         *           "type": "email",
                         *           "to": [
                         *             "ada@example.com"
                         *           ],
                         *           "cc": [
                         *             "it@example.com"
                         *           ]
                         *         },
                         *         "_links": {}
                         *       },
                         *       "phone_numbers": [],
                         *       "subscriber": {
                         *         "id": null,
                         *         "first_name": "Ada",
                         *         "last_name": "Lovelace",
                         *         "email": "ada@example.com",
                         *         "employee_id": "E-1815",
                         *         "group": "Engineering",
                         *         "_links": {}
                         *       },
                         *       "reason": null,
                         *       "failure_reason": null,
                         *       "created_at": "2026-11-30T09:00:00.000Z",
                         *       "completed_at": null,
                         *       "_links": {
                         *         "self": {
                         *           "href": "/enterprise/orders/order_01HZS5KETGM8XXF53WZJWDDV4C"
                         *         },
                         *         "account": {
                         *           "href": "/enterprise/accounts/acc_01HTQ8VBN4DEJP5S8BPV4657VG"
                         *         }
                         *       }
                         *     }
                         */
                        "application/json": {
                            id: string;
                            status: string;
                            type: string;
                            account_id: string;
                            subscription_id: string | null;
                            sim_profile: {
                                iccid: string | null;
                                sim_type: string;
                                delivery: {
                                    type: string;
                                    to: string[];
                                    cc: string[];
                                    status?: string;
                                } | null;
                                _links: {
                                    self?: {
                                        href: string;
                                    };
                                };
                            } | null;
                            phone_numbers: {
                                msisdn: string;
                                is_primary: boolean;
                                country: string;
                            }[];
                            subscriber: {
                                id: string | null;
                                first_name: string;
                                last_name: string;
                                email: string;
                                employee_id: string | null;
                                group: string | null;
                                /** @description The subscriber, once the order has made or found it */
                                _links: {
                                    self?: {
                                        href: string;
                                    };
                                };
                            } | null;
                            reason: string | null;
                            failure_reason: string | null;
                            created_at: string;
                            completed_at: string | null;
                            _links: {
                                self: {
                                    href: string;
                                };
                                account: {
                                    href: string;
                                };
                                subscription?: {
                                    href: string;
                                };
                            };
                        };
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/enterprise/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an order
         * @description One order (`order_` + ULID): `status` (pending, completed, failed, canceled), `type`, and what fulfilment filled in (subscription, SIM profile, phone numbers, subscriber, `reason`).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "order_01HZS5KETGM8XXF53WZJWDDV4C",
                         *       "status": "pending",
                         *       "type": "activate_subscription",
                         *       "account_id": "acc_01HTQ8VBN4DEJP5S8BPV4657VG",
                         *       "subscription_id": null,
                         *       "sim_profile": {
                         *         "iccid": null,
                         *         "sim_type": "esim",
                         *         "delivery": {
                         *           "type": "email",
                         *           "to": [
                         *             "ada@example.com"
                         *           ],
                         *           "cc": [
                         *             "it@example.com"
                         *           ]
                         *         },
                         *         "_links": {}
                         *       },
                         *       "phone_numbers": [],
                         *       "subscriber": {
                         *         "id": null,
                         *         "first_name": "Ada",
                         *         "last_name": "Lovelace",
                         *         "email": "ada@example.com",
                         *         "employee_id": "E-1815",
                         *         "group": "Engineering",
                         *         "_links": {}
                         *       },
                         *       "reason": null,
                         *       "failure_reason": null,
                         *       "created_at": "2026-11-30T09:00:00.000Z",
                         *       "completed_at": null,
                         *       "_links": {
                         *         "self": {
                         *           "href": "/enterprise/orders/order_01HZS5KETGM8XXF53WZJWDDV4C"
                         *         },
                         *         "account": {
                         *           "href": "/enterprise/accounts/acc_01HTQ8VBN4DEJP5S8BPV4657VG"
                         *         }
                         *       }
                         *     }
                         */
                        "application/json": {
                            id: string;
                            status: string;
                            type: string;
                            account_id: string;
                            subscription_id: string | null;
                            sim_profile: {
                                iccid: string | null;
                                sim_type: string;
                                delivery: {
                                    type: string;
                                    to: string[];
                                    cc: string[];
                                    status?: string;
                                } | null;
                                _links: {
                                    self?: {
                                        href: string;
                                    };
                                };
                            } | null;
                            phone_numbers: {
                                msisdn: string;
                                is_primary: boolean;
                                country: string;
                            }[];
                            subscriber: {
                                id: string | null;
                                first_name: string;
                                last_name: string;
                                email: string;
                                employee_id: string | null;
                                group: string | null;
                                /** @description The subscriber, once the order has made or found it */
                                _links: {
                                    self?: {
                                        href: string;
                                    };
                                };
                            } | null;
                            reason: string | null;
                            failure_reason: string | null;
                            created_at: string;
                            completed_at: string | null;
                            _links: {
                                self: {
                                    href: string;
                                };
                                account: {
                                    href: string;
                                };
                                subscription?: {
                                    href: string;
                                };
                            };
                        };
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/enterprise/usage/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List itemized usage events, newest first
         * @description Rated usage items (voice, data, sms), newest first by `started_at`, filtered by `from-date`/`to-date` (inclusive dates), `account-id`, `subscription-id`, `subscriber-id`, `msisdn`, `type`, `direction` and `cost-type` (repeat a filter or give a comma list). Each item says what was charged (`charged_quantity`, voice rounded up to the plan's increment) and how (`cost_type`: free, in_bundle, out_of_bundle); `usage_complete_until` says how current the list is.
         */
        get: {
            parameters: {
                query?: {
                    /** @description First day (inclusive), YYYY-MM-DD */
                    "from-date"?: string;
                    /** @description Last day (inclusive), YYYY-MM-DD */
                    "to-date"?: string;
                    "account-id"?: string;
                    "subscription-id"?: string;
                    "subscriber-id"?: string;
                    msisdn?: string;
                    /** @description Repeatable, or a comma-separated list */
                    type?: ("voice" | "data" | "sms")[];
                    direction?: "inbound" | "outbound";
                    /** @description Repeatable, or a comma-separated list */
                    "cost-type"?: ("free" | "in_bundle" | "out_of_bundle")[];
                    /** @description Page size */
                    limit?: number;
                    /** @description Opaque cursor from a `next` link */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            usage_complete_until: string | null;
                            _links: {
                                self: {
                                    href: string;
                                };
                                next?: {
                                    href: string;
                                };
                            };
                            _embedded: {
                                items: {
                                    id: string;
                                    type: string;
                                    direction: string;
                                    technology: string | null;
                                    from_msisdn: number | null;
                                    to_msisdn: number | null;
                                    location_country: string;
                                    roaming: boolean;
                                    is_recorded: boolean;
                                    started_at: string;
                                    ended_at: string;
                                    processed_at: string;
                                    quantity: number;
                                    unit: string;
                                    charged_quantity: number;
                                    cost_type: string;
                                    _links: {
                                        subscription: {
                                            href: string;
                                        };
                                        subscriber: {
                                            href: string;
                                        };
                                    };
                                }[];
                            };
                        };
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/enterprise/sms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send an SMS to up to 1,000 recipients (answers at once; delivery is asynchronous)
         * @description Sends `text` (1 to 500 characters) from `from`, one of the organization's authorized sender numbers, to up to 1,000 recipients of the sender's country (international messages are not supported). Answers `{sms_id, id}` at once; delivery to each recipient follows, and each part sent is charged as an outbound sms usage item. Needs the premium sms licence.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer for 24 h; the same key with another request is 409 */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "from": "+447700900000",
                     *       "to": [
                     *         "+447700900999",
                     *         "447700900998"
                     *       ],
                     *       "text": "Fire drill at 15:00"
                     *     }
                     */
                    "application/json": {
                        /** @description An authorized sender: the number of an active subscription */
                        from: string;
                        /** @description Recipients, all in the sender's country */
                        to: string[];
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "sms_id": "sms_01JBCG33BC2PS4J76JN685GN56",
                         *       "id": "sms_01JBCG33BC2PS4J76JN685GN56"
                         *     }
                         */
                        "application/json": {
                            sms_id: string;
                            id: string;
                        };
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/enterprise/sms/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a message with the delivery status of each recipient
         * @description A sent message and, for each recipient, its status (pending, delivered, failed, expired) with the reason.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "sms_01JBCG33BC2PS4J76JN685GN56",
                         *       "sms_id": "sms_01JBCG33BC2PS4J76JN685GN56",
                         *       "from": "+447700900000",
                         *       "text": "Fire drill at 15:00",
                         *       "encoding": "gsm7",
                         *       "parts": 1,
                         *       "status": "completed",
                         *       "counts": {
                         *         "queued": 0,
                         *         "sent": 0,
                         *         "delivered": 1,
                         *         "failed": 1,
                         *         "expired": 0
                         *       },
                         *       "recipients": [
                         *         {
                         *           "to": "+447700900999",
                         *           "status": "delivered",
                         *           "reason": null,
                         *           "sent_at": "2026-11-30T14:00:01.000Z",
                         *           "done_at": "2026-11-30T14:00:03.000Z"
                         *         },
                         *         {
                         *           "to": "+447700900998",
                         *           "status": "failed",
                         *           "reason": "SMSC: undeliverable (UNDELIV)",
                         *           "sent_at": "2026-11-30T14:00:01.000Z",
                         *           "done_at": "2026-11-30T14:00:04.000Z"
                         *         }
                         *       ],
                         *       "created_at": "2026-11-30T14:00:00.000Z",
                         *       "_links": {
                         *         "self": {
                         *           "href": "/enterprise/sms/sms_01JBCG33BC2PS4J76JN685GN56"
                         *         },
                         *         "subscription": {
                         *           "href": "/enterprise/subscriptions/sub_01HTJA47C93ABKKR58T05JBAJB"
                         *         }
                         *       }
                         *     }
                         */
                        "application/json": {
                            id: string;
                            sms_id: string;
                            from: string;
                            text: string;
                            /** @description gsm7 or ucs2 */
                            encoding: string;
                            /** @description SMS parts per recipient, each charged as one outbound sms */
                            parts: number;
                            /** @description sending while any recipient is queued or sent, else completed */
                            status: string;
                            /** @description Recipients in each status */
                            counts: {
                                queued: number;
                                sent: number;
                                delivered: number;
                                failed: number;
                                expired: number;
                            };
                            recipients: {
                                to: string;
                                /**
                                 * @description queued (waiting to be sent), sent (every part accepted by the SMSC, awaiting delivery), then final: delivered (every part delivered), failed (refused or undeliverable; see reason) or expired (not delivered within the validity period, SMS_VALIDITY_PERIOD, 48 hours by default; see reason)
                                 * @enum {unknown}
                                 */
                                status: "queued" | "sent" | "delivered" | "failed" | "expired";
                                reason: string | null;
                                sent_at: string | null;
                                done_at: string | null;
                            }[];
                            created_at: string;
                            _links: {
                                self: {
                                    href: string;
                                };
                                subscription: {
                                    href: string;
                                };
                            };
                        };
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/connect-api/v1/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the products this reseller sells
         * @description The reseller's Connect catalogue as a JSON array, paginated by `page` and `size` (`X-Next-Page`, `X-Previous-Page` headers): `id, name, description, period, period_unit, data{value, units}, footprint, activeCountries, pricing, region`. `/v1/product` is an alias of `/v1/products`. `pricing` holds the price in `currency` (or `targetCurrency`, as products.md names it; default EUR): the product's own price in it, else one of its prices converted by an operator's exchange rate; `pricing_source` (a cellhub extension) says which. A currency no price reaches is 400 naming the field and the currency.
         */
        get: {
            parameters: {
                query?: {
                    plan_id?: string;
                    /** @description The currency the price is shown in (ISO 4217; default EUR): the product's own price in it, else one converted by an operator's exchange rate (see pricing_source). Alias targetCurrency */
                    currency?: string;
                    /** @description Alias of currency */
                    targetCurrency?: string;
                    /** @description From 1 */
                    page?: number;
                    size?: number;
                    /** @description Alias of size */
                    page_size?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            description: string;
                            period: number;
                            period_unit: string;
                            data: {
                                value: number;
                                units: string;
                            };
                            footprint: string[];
                            activeCountries: string[];
                            pricing: {
                                [key: string]: number;
                            };
                            region: string;
                            plan_id: string;
                            /** @description cellhub extension: where the price shown comes from: the product's own price in that currency (`catalogue`), or one of its prices converted by an operator's exchange rate (`exchange_rate`, naming the rate). Only on the product routes. */
                            pricing_source?: {
                                currency: string;
                                /** @enum {string} */
                                source: "catalogue";
                            } | {
                                currency: string;
                                /** @enum {string} */
                                source: "exchange_rate";
                                /** @description The product's own price's currency */
                                from_currency: string;
                                /** @description The product's own price */
                                from_amount: number;
                                /** @description Units of currency per unit of from_currency */
                                rate: number;
                                /** @description When the operator set the rate */
                                rate_set_at: string;
                                /**
                                 * @description The operator set the rate the other way round; its inverse was used
                                 * @enum {boolean}
                                 */
                                inverse?: true;
                            };
                        }[];
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/connect-api/v1/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get one of this reseller's products
         * @description One product of the reseller's catalogue, priced in `currency` (or `targetCurrency`; default EUR) as in the list. `/v1/product/{id}` is an alias.
         */
        get: {
            parameters: {
                query?: {
                    /** @description The currency the price is shown in (ISO 4217; default EUR): the product's own price in it, else one converted by an operator's exchange rate (see pricing_source). Alias targetCurrency */
                    currency?: string;
                    /** @description Alias of currency */
                    targetCurrency?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            description: string;
                            period: number;
                            period_unit: string;
                            data: {
                                value: number;
                                units: string;
                            };
                            footprint: string[];
                            activeCountries: string[];
                            pricing: {
                                [key: string]: number;
                            };
                            region: string;
                            plan_id: string;
                            /** @description cellhub extension: where the price shown comes from: the product's own price in that currency (`catalogue`), or one of its prices converted by an operator's exchange rate (`exchange_rate`, naming the rate). Only on the product routes. */
                            pricing_source?: {
                                currency: string;
                                /** @enum {string} */
                                source: "catalogue";
                            } | {
                                currency: string;
                                /** @enum {string} */
                                source: "exchange_rate";
                                /** @description The product's own price's currency */
                                from_currency: string;
                                /** @description The product's own price */
                                from_amount: number;
                                /** @description Units of currency per unit of from_currency */
                                rate: number;
                                /** @description When the operator set the rate */
                                rate_set_at: string;
                                /**
                                 * @description The operator set the rate the other way round; its inverse was used
                                 * @enum {boolean}
                                 */
                                inverse?: true;
                            };
                        };
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/connect-api/v1/product": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the products this reseller sells
         * @description The reseller's Connect catalogue as a JSON array, paginated by `page` and `size` (`X-Next-Page`, `X-Previous-Page` headers): `id, name, description, period, period_unit, data{value, units}, footprint, activeCountries, pricing, region`. `/v1/product` is an alias of `/v1/products`. `pricing` holds the price in `currency` (or `targetCurrency`, as products.md names it; default EUR): the product's own price in it, else one of its prices converted by an operator's exchange rate; `pricing_source` (a cellhub extension) says which. A currency no price reaches is 400 naming the field and the currency.
         */
        get: {
            parameters: {
                query?: {
                    plan_id?: string;
                    /** @description The currency the price is shown in (ISO 4217; default EUR): the product's own price in it, else one converted by an operator's exchange rate (see pricing_source). Alias targetCurrency */
                    currency?: string;
                    /** @description Alias of currency */
                    targetCurrency?: string;
                    /** @description From 1 */
                    page?: number;
                    size?: number;
                    /** @description Alias of size */
                    page_size?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            description: string;
                            period: number;
                            period_unit: string;
                            data: {
                                value: number;
                                units: string;
                            };
                            footprint: string[];
                            activeCountries: string[];
                            pricing: {
                                [key: string]: number;
                            };
                            region: string;
                            plan_id: string;
                            /** @description cellhub extension: where the price shown comes from: the product's own price in that currency (`catalogue`), or one of its prices converted by an operator's exchange rate (`exchange_rate`, naming the rate). Only on the product routes. */
                            pricing_source?: {
                                currency: string;
                                /** @enum {string} */
                                source: "catalogue";
                            } | {
                                currency: string;
                                /** @enum {string} */
                                source: "exchange_rate";
                                /** @description The product's own price's currency */
                                from_currency: string;
                                /** @description The product's own price */
                                from_amount: number;
                                /** @description Units of currency per unit of from_currency */
                                rate: number;
                                /** @description When the operator set the rate */
                                rate_set_at: string;
                                /**
                                 * @description The operator set the rate the other way round; its inverse was used
                                 * @enum {boolean}
                                 */
                                inverse?: true;
                            };
                        }[];
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/connect-api/v1/product/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get one of this reseller's products
         * @description One product of the reseller's catalogue, priced in `currency` (or `targetCurrency`; default EUR) as in the list. `/v1/product/{id}` is an alias.
         */
        get: {
            parameters: {
                query?: {
                    /** @description The currency the price is shown in (ISO 4217; default EUR): the product's own price in it, else one converted by an operator's exchange rate (see pricing_source). Alias targetCurrency */
                    currency?: string;
                    /** @description Alias of currency */
                    targetCurrency?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            description: string;
                            period: number;
                            period_unit: string;
                            data: {
                                value: number;
                                units: string;
                            };
                            footprint: string[];
                            activeCountries: string[];
                            pricing: {
                                [key: string]: number;
                            };
                            region: string;
                            plan_id: string;
                            /** @description cellhub extension: where the price shown comes from: the product's own price in that currency (`catalogue`), or one of its prices converted by an operator's exchange rate (`exchange_rate`, naming the rate). Only on the product routes. */
                            pricing_source?: {
                                currency: string;
                                /** @enum {string} */
                                source: "catalogue";
                            } | {
                                currency: string;
                                /** @enum {string} */
                                source: "exchange_rate";
                                /** @description The product's own price's currency */
                                from_currency: string;
                                /** @description The product's own price */
                                from_amount: number;
                                /** @description Units of currency per unit of from_currency */
                                rate: number;
                                /** @description When the operator set the rate */
                                rate_set_at: string;
                                /**
                                 * @description The operator set the rate the other way round; its inverse was used
                                 * @enum {boolean}
                                 */
                                inverse?: true;
                            };
                        };
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/connect-api/v1/order": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List orders, newest first
         * @description The reseller's orders, newest first, filtered by `status` (ACCEPTED, FULFILLING, COMPLETED, FAILED), `start_date` and `end_date`, paginated by `page` and `page_size`.
         */
        get: {
            parameters: {
                query?: {
                    status?: "ACCEPTED" | "FULFILLING" | "COMPLETED" | "FAILED";
                    start_date?: string;
                    end_date?: string;
                    /** @description From 1 */
                    page?: number;
                    size?: number;
                    /** @description Alias of size */
                    page_size?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            externalId: string;
                            status: string;
                            operationType: string;
                            createdDate: string;
                            output?: {
                                [key: string]: string;
                            };
                            failureReason?: string;
                        }[];
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Order a new eSIM (NEW_ESIM) or more subscriptions on one (TOPUP)
         * @description Places a Connect order: `NEW_ESIM` makes a new eSIM with the given subscriptions; `TOPUP` adds subscriptions to the reseller's eSIM named in `esim.iccid`. Checked at once (known products, `activationDate` not in the past, `price` and `currency` together, a `currency` the product is priced in or an exchange rate reaches, at most 15 live subscriptions per SIM; `countryCode` a country, required for a NEW_ESIM and, if the operator configured the reseller so, for a TOPUP) and answered `{id, externalId, status: ACCEPTED}`; it then goes ACCEPTED → FULFILLING → COMPLETED or FAILED.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer for 24 h; the same key with another request is 409 */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        input: {
                            /**
                             * @description TOPUP_ACTIVATION: the deprecated name of TOPUP, ordered as TOPUP
                             * @enum {unknown}
                             */
                            operationType: "NEW_ESIM" | "TOPUP" | "TOPUP_ACTIVATION";
                            /** @description ISO 3166-1 alpha-2: where the order is placed. Required for a NEW_ESIM; for a TOPUP only if the operator configured the reseller to require it (orders.md: "configurable") */
                            countryCode?: string;
                            customer?: {
                                /** Format: email */
                                email: string;
                            } & {
                                [key: string]: unknown;
                            };
                            device?: {
                                id: string;
                                /**
                                 * @description Required for a NEW_ESIM; optional for a TOPUP (orders.md)
                                 * @enum {unknown}
                                 */
                                type?: "ios" | "android" | "iot";
                                model?: string;
                                eid?: string;
                                make?: string;
                            };
                            subscriptions: {
                                product_id: string;
                                /** Format: date-time */
                                activationDate?: string;
                                price?: number;
                                currency?: string;
                                /** @description cellhub: renew at expiry (default false): a new subscription of the same product, for a new period from the expiry, ordered and charged like any other (an order of its own at this price and currency) and announced with the usual notifications. The pages print auto_renew as a string ("false"): either is taken. */
                                auto_renew?: boolean | ("true" | "false");
                            }[];
                            esim?: {
                                iccid: string;
                            };
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "3a6acf89-1ccf-4611-9424-453930f57ef1",
                         *       "externalId": "3a6acf89-1ccf-4611-9424-453930f57ef1",
                         *       "status": "ACCEPTED"
                         *     }
                         */
                        "application/json": {
                            id: string;
                            externalId: string;
                            status: string;
                        };
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/connect-api/v1/order/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an order; a completed one carries the eSIM it made
         * @description One order by its UUID; a COMPLETED one carries `output{iccid, matchingId, smdpUrl, lpa_url, subscription_id}` to install the eSIM with.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            externalId: string;
                            status: string;
                            operationType: string;
                            createdDate: string;
                            output?: {
                                [key: string]: string;
                            };
                            failureReason?: string;
                        };
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/connect-api/v1/sim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the SIM profiles this reseller sold
         * @description The reseller's SIM profiles as `[{id: iccid, url}]`, paginated by `page` (from 1) and `size` (default 40).
         */
        get: {
            parameters: {
                query?: {
                    /** @description From 1 */
                    page?: number;
                    size?: number;
                    /** @description Alias of size */
                    page_size?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example [
                         *       {
                         *         "id": "8944500102198304826",
                         *         "url": "/v1/sim/8944500102198304826"
                         *       }
                         *     ]
                         */
                        "application/json": {
                            id: string;
                            url: string;
                        }[];
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/connect-api/v1/sim/{iccid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A SIM profile's details
         * @description `iccid`, `eid`, `matching_id` (also `matchingId`), `lpa_url`, `status` (also `profileStatus`: Released, Downloaded, Installed, Unavailable) and `last_modified`. The status moves with the device, as the SM-DP+ reports it.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    iccid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "iccid": "8944500102198304826",
                         *       "eid": "89049032004008882600019002596666",
                         *       "matching_id": "QR-G-5C-KR-1PXPK7D",
                         *       "matchingId": "QR-G-5C-KR-1PXPK7D",
                         *       "lpa_url": "LPA:1$smdp.cellhub.local$QR-G-5C-KR-1PXPK7D",
                         *       "status": "Installed",
                         *       "profileStatus": "Installed",
                         *       "last_modified": "2026-11-30T09:05:00Z"
                         *     }
                         */
                        "application/json": {
                            iccid: string;
                            eid: string | null;
                            matching_id: string | null;
                            matchingId: string | null;
                            lpa_url: string | null;
                            status: string;
                            profileStatus: string;
                            last_modified: string;
                        };
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /**
         * Bind the profile to another device (EID), while Released or Unavailable
         * @description Update EID (sims.md): sets the EID the profile is bound to, `{"eid": "…"}` (32 digits), and answers the SIM profile as `GET /v1/sim/{iccid}` does (a client reading seed 002's `{ }` finds what it expects, and more). Only while the profile is Released or Unavailable (otherwise 409 CONFLICT). sims.md prints this request without a body: the EID is required, and a request without one is 400 INVALID_REQUEST_PARAMS naming `eid`.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    iccid: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "eid": "89049032004008882600019002596666"
                     *     }
                     */
                    "application/json": {
                        eid: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "iccid": "8944500102198304826",
                         *       "eid": "89049032004008882600019002596666",
                         *       "matching_id": "QR-G-5C-KR-1PXPK7D",
                         *       "matchingId": "QR-G-5C-KR-1PXPK7D",
                         *       "lpa_url": "LPA:1$smdp.cellhub.local$QR-G-5C-KR-1PXPK7D",
                         *       "status": "Installed",
                         *       "profileStatus": "Installed",
                         *       "last_modified": "2026-11-30T09:05:00Z"
                         *     }
                         */
                        "application/json": {
                            iccid: string;
                            eid: string | null;
                            matching_id: string | null;
                            matchingId: string | null;
                            lpa_url: string | null;
                            status: string;
                            profileStatus: string;
                            last_modified: string;
                        };
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /**
         * Take back a SIM profile never installed and never used (its subscriptions go with it)
         * @description Deletes a SIM profile that was never installed and none of whose subscriptions was used (204), freeing its resources; otherwise 409 CONFLICT.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    iccid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/connect-api/v1/sim/{iccid}/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The SIM profile's subscriptions, newest first
         * @description The subscriptions on one SIM profile, newest first, with their balances; `size` 1 to 40, `page` from 1.
         */
        get: {
            parameters: {
                query?: {
                    /** @description From 1 */
                    page?: number;
                    size?: number;
                    /** @description Alias of size */
                    page_size?: number;
                };
                header?: never;
                path: {
                    iccid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            status: string;
                            initialBalance: string;
                            spentBalance: string;
                            activationDate: string;
                            expirationDate: string;
                            createdDate: string;
                            /**
                             * @example {
                             *       "id": "a3u3z000000PZBhAAO",
                             *       "name": "Europe 5 GB, 30 days",
                             *       "description": "5 GB of data in 38 European countries for 30 days",
                             *       "period": 30,
                             *       "period_unit": "DAYS",
                             *       "data": {
                             *         "value": 5,
                             *         "units": "GB"
                             *       },
                             *       "footprint": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "activeCountries": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "pricing": {
                             *         "EUR": 12.5
                             *       },
                             *       "region": "europe",
                             *       "plan_id": "europe-5gb-30d",
                             *       "pricing_source": {
                             *         "currency": "EUR",
                             *         "source": "catalogue"
                             *       }
                             *     }
                             * @example {
                             *       "id": "a3u3z000000PZBhAAO",
                             *       "name": "Europe 5 GB, 30 days",
                             *       "description": "5 GB of data in 38 European countries for 30 days",
                             *       "period": 30,
                             *       "period_unit": "DAYS",
                             *       "data": {
                             *         "value": 5,
                             *         "units": "GB"
                             *       },
                             *       "footprint": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "activeCountries": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "pricing": {
                             *         "GBP": 10.75
                             *       },
                             *       "region": "europe",
                             *       "plan_id": "europe-5gb-30d",
                             *       "pricing_source": {
                             *         "currency": "GBP",
                             *         "source": "exchange_rate",
                             *         "from_currency": "EUR",
                             *         "from_amount": 12.5,
                             *         "rate": 0.86,
                             *         "rate_set_at": "2026-11-30T09:00:00Z"
                             *       }
                             *     }
                             */
                            product: {
                                id: string;
                                name: string;
                                description: string;
                                period: number;
                                period_unit: string;
                                data: {
                                    value: number;
                                    units: string;
                                };
                                footprint: string[];
                                activeCountries: string[];
                                pricing: {
                                    [key: string]: number;
                                };
                                region: string;
                                plan_id: string;
                                /** @description cellhub extension: where the price shown comes from: the product's own price in that currency (`catalogue`), or one of its prices converted by an operator's exchange rate (`exchange_rate`, naming the rate). Only on the product routes. */
                                pricing_source?: {
                                    currency: string;
                                    /** @enum {string} */
                                    source: "catalogue";
                                } | {
                                    currency: string;
                                    /** @enum {string} */
                                    source: "exchange_rate";
                                    /** @description The product's own price's currency */
                                    from_currency: string;
                                    /** @description The product's own price */
                                    from_amount: number;
                                    /** @description Units of currency per unit of from_currency */
                                    rate: number;
                                    /** @description When the operator set the rate */
                                    rate_set_at: string;
                                    /**
                                     * @description The operator set the rate the other way round; its inverse was used
                                     * @enum {boolean}
                                     */
                                    inverse?: true;
                                };
                            };
                            iccid: string;
                            device_id: string | null;
                            /**
                             * @description Whether it renews at expiry (set at order time: subscriptions[].auto_renew); a string, as subscriptions.md prints it
                             * @enum {unknown}
                             */
                            auto_renew: "true" | "false";
                        }[];
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/connect-api/v1/status/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The SIM profile's subscriptions (deprecated: GET /v1/sim/{iccid}/subscriptions)
         * @deprecated
         * @description The older spelling of `GET /v1/sim/{iccid}/subscriptions`, as subscriptions.md still lists it: the ICCID in `?iccid=`. Answers the same, with `Deprecation` and a `Link` to its successor.
         */
        get: {
            parameters: {
                query: {
                    iccid: string;
                    /** @description From 1 */
                    page?: number;
                    size?: number;
                    /** @description Alias of size */
                    page_size?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            status: string;
                            initialBalance: string;
                            spentBalance: string;
                            activationDate: string;
                            expirationDate: string;
                            createdDate: string;
                            /**
                             * @example {
                             *       "id": "a3u3z000000PZBhAAO",
                             *       "name": "Europe 5 GB, 30 days",
                             *       "description": "5 GB of data in 38 European countries for 30 days",
                             *       "period": 30,
                             *       "period_unit": "DAYS",
                             *       "data": {
                             *         "value": 5,
                             *         "units": "GB"
                             *       },
                             *       "footprint": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "activeCountries": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "pricing": {
                             *         "EUR": 12.5
                             *       },
                             *       "region": "europe",
                             *       "plan_id": "europe-5gb-30d",
                             *       "pricing_source": {
                             *         "currency": "EUR",
                             *         "source": "catalogue"
                             *       }
                             *     }
                             * @example {
                             *       "id": "a3u3z000000PZBhAAO",
                             *       "name": "Europe 5 GB, 30 days",
                             *       "description": "5 GB of data in 38 European countries for 30 days",
                             *       "period": 30,
                             *       "period_unit": "DAYS",
                             *       "data": {
                             *         "value": 5,
                             *         "units": "GB"
                             *       },
                             *       "footprint": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "activeCountries": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "pricing": {
                             *         "GBP": 10.75
                             *       },
                             *       "region": "europe",
                             *       "plan_id": "europe-5gb-30d",
                             *       "pricing_source": {
                             *         "currency": "GBP",
                             *         "source": "exchange_rate",
                             *         "from_currency": "EUR",
                             *         "from_amount": 12.5,
                             *         "rate": 0.86,
                             *         "rate_set_at": "2026-11-30T09:00:00Z"
                             *       }
                             *     }
                             */
                            product: {
                                id: string;
                                name: string;
                                description: string;
                                period: number;
                                period_unit: string;
                                data: {
                                    value: number;
                                    units: string;
                                };
                                footprint: string[];
                                activeCountries: string[];
                                pricing: {
                                    [key: string]: number;
                                };
                                region: string;
                                plan_id: string;
                                /** @description cellhub extension: where the price shown comes from: the product's own price in that currency (`catalogue`), or one of its prices converted by an operator's exchange rate (`exchange_rate`, naming the rate). Only on the product routes. */
                                pricing_source?: {
                                    currency: string;
                                    /** @enum {string} */
                                    source: "catalogue";
                                } | {
                                    currency: string;
                                    /** @enum {string} */
                                    source: "exchange_rate";
                                    /** @description The product's own price's currency */
                                    from_currency: string;
                                    /** @description The product's own price */
                                    from_amount: number;
                                    /** @description Units of currency per unit of from_currency */
                                    rate: number;
                                    /** @description When the operator set the rate */
                                    rate_set_at: string;
                                    /**
                                     * @description The operator set the rate the other way round; its inverse was used
                                     * @enum {boolean}
                                     */
                                    inverse?: true;
                                };
                            };
                            iccid: string;
                            device_id: string | null;
                            /**
                             * @description Whether it renews at expiry (set at order time: subscriptions[].auto_renew); a string, as subscriptions.md prints it
                             * @enum {unknown}
                             */
                            auto_renew: "true" | "false";
                        }[];
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/connect-api/v1/sim/{iccid}/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where the SIM profile's notifications go
         * @description The webhooks registered for the SIM profile: `{notifications: [{type, webhook_url}]}`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    iccid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "notifications": [
                         *         {
                         *           "type": "USAGE_THRESHOLD",
                         *           "webhook_url": "https://hooks.reseller.example/cellhub/usage"
                         *         },
                         *         {
                         *           "type": "SUBSCRIPTION_END",
                         *           "webhook_url": "https://hooks.reseller.example/cellhub/end"
                         *         }
                         *       ]
                         *     }
                         */
                        "application/json": {
                            notifications: {
                                type: string;
                                webhook_url: string;
                            }[];
                        };
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/connect-api/v1/sim/{iccid}/preferences/notifications/{type}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Send the SIM profile's notifications of a type (USAGE_THRESHOLD, SUBSCRIPTION_END) to a webhook
         * @description Registers (POST) or replaces (PUT) the `webhook_url` for one notification type: `USAGE_THRESHOLD` (once, at 80 % of a subscription's data) or `SUBSCRIPTION_END` (once, when it is depleted or expires; the docs' spelling `SUBSCRITPION_END` is accepted). The URL must be public (no loopback or private address, ports 80, 443, 8080, 8443). Deliveries are signed per Standard Webhooks and retried on failure.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    iccid: string;
                    type: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "webhook_url": "https://hooks.reseller.example/cellhub/usage"
                     *     }
                     */
                    "application/json": {
                        /** Format: uri */
                        webhook_url: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /** @example {} */
                        "application/json": Record<string, never>;
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /**
         * Send the SIM profile's notifications of a type (USAGE_THRESHOLD, SUBSCRIPTION_END) to a webhook
         * @description Registers (POST) or replaces (PUT) the `webhook_url` for one notification type: `USAGE_THRESHOLD` (once, at 80 % of a subscription's data) or `SUBSCRIPTION_END` (once, when it is depleted or expires; the docs' spelling `SUBSCRITPION_END` is accepted). The URL must be public (no loopback or private address, ports 80, 443, 8080, 8443). Deliveries are signed per Standard Webhooks and retried on failure.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer for 24 h; the same key with another request is 409 */
                    "idempotency-key"?: string;
                };
                path: {
                    iccid: string;
                    type: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "webhook_url": "https://hooks.reseller.example/cellhub/usage"
                     *     }
                     */
                    "application/json": {
                        /** Format: uri */
                        webhook_url: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /** @example {} */
                        "application/json": Record<string, never>;
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /**
         * Stop a type of notification
         * @description Removes the webhook of one notification type for the SIM profile.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    iccid: string;
                    type: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /** @example {} */
                        "application/json": Record<string, never>;
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/connect-api/v1/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List subscriptions, newest first
         * @description The reseller's subscriptions, newest first, filtered by `after`, `before`, `email`, `iccid` and `product-id`, paginated by `page` and `size`. `/v1/subscription` is an alias.
         */
        get: {
            parameters: {
                query?: {
                    after?: string;
                    before?: string;
                    email?: string;
                    iccid?: string;
                    "product-id"?: string;
                    /** @description From 1 */
                    page?: number;
                    size?: number;
                    /** @description Alias of size */
                    page_size?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            status: string;
                            initialBalance: string;
                            spentBalance: string;
                            activationDate: string;
                            expirationDate: string;
                            createdDate: string;
                            /**
                             * @example {
                             *       "id": "a3u3z000000PZBhAAO",
                             *       "name": "Europe 5 GB, 30 days",
                             *       "description": "5 GB of data in 38 European countries for 30 days",
                             *       "period": 30,
                             *       "period_unit": "DAYS",
                             *       "data": {
                             *         "value": 5,
                             *         "units": "GB"
                             *       },
                             *       "footprint": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "activeCountries": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "pricing": {
                             *         "EUR": 12.5
                             *       },
                             *       "region": "europe",
                             *       "plan_id": "europe-5gb-30d",
                             *       "pricing_source": {
                             *         "currency": "EUR",
                             *         "source": "catalogue"
                             *       }
                             *     }
                             * @example {
                             *       "id": "a3u3z000000PZBhAAO",
                             *       "name": "Europe 5 GB, 30 days",
                             *       "description": "5 GB of data in 38 European countries for 30 days",
                             *       "period": 30,
                             *       "period_unit": "DAYS",
                             *       "data": {
                             *         "value": 5,
                             *         "units": "GB"
                             *       },
                             *       "footprint": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "activeCountries": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "pricing": {
                             *         "GBP": 10.75
                             *       },
                             *       "region": "europe",
                             *       "plan_id": "europe-5gb-30d",
                             *       "pricing_source": {
                             *         "currency": "GBP",
                             *         "source": "exchange_rate",
                             *         "from_currency": "EUR",
                             *         "from_amount": 12.5,
                             *         "rate": 0.86,
                             *         "rate_set_at": "2026-11-30T09:00:00Z"
                             *       }
                             *     }
                             */
                            product: {
                                id: string;
                                name: string;
                                description: string;
                                period: number;
                                period_unit: string;
                                data: {
                                    value: number;
                                    units: string;
                                };
                                footprint: string[];
                                activeCountries: string[];
                                pricing: {
                                    [key: string]: number;
                                };
                                region: string;
                                plan_id: string;
                                /** @description cellhub extension: where the price shown comes from: the product's own price in that currency (`catalogue`), or one of its prices converted by an operator's exchange rate (`exchange_rate`, naming the rate). Only on the product routes. */
                                pricing_source?: {
                                    currency: string;
                                    /** @enum {string} */
                                    source: "catalogue";
                                } | {
                                    currency: string;
                                    /** @enum {string} */
                                    source: "exchange_rate";
                                    /** @description The product's own price's currency */
                                    from_currency: string;
                                    /** @description The product's own price */
                                    from_amount: number;
                                    /** @description Units of currency per unit of from_currency */
                                    rate: number;
                                    /** @description When the operator set the rate */
                                    rate_set_at: string;
                                    /**
                                     * @description The operator set the rate the other way round; its inverse was used
                                     * @enum {boolean}
                                     */
                                    inverse?: true;
                                };
                            };
                            iccid: string;
                            device_id: string | null;
                            /**
                             * @description Whether it renews at expiry (set at order time: subscriptions[].auto_renew); a string, as subscriptions.md prints it
                             * @enum {unknown}
                             */
                            auto_renew: "true" | "false";
                        }[];
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/connect-api/v1/subscriptions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A subscription with its balance
         * @description One subscription: `status` (PENDING, ACTIVE, DEPLETED, EXPIRED), `initialBalance` and `spentBalance` in bytes (as strings), `activationDate`, `expirationDate`, `createdDate`, its `product`, `iccid`, `device_id` and `auto_renew` ("true" or "false": an auto-renewing subscription is followed at its expiry by a new one of the same product).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "aG9sZGluZzEyMw",
                         *       "status": "ACTIVE",
                         *       "initialBalance": "5368709120",
                         *       "spentBalance": "1073741824",
                         *       "activationDate": "2026-11-30T09:00:00Z",
                         *       "expirationDate": "2026-12-30T09:00:00Z",
                         *       "createdDate": "2026-11-30T09:00:00Z",
                         *       "product": {
                         *         "id": "a3u3z000000PZBhAAO",
                         *         "name": "Europe 5 GB, 30 days",
                         *         "description": "5 GB of data in 38 European countries for 30 days",
                         *         "period": 30,
                         *         "period_unit": "DAY",
                         *         "data": {
                         *           "value": 5,
                         *           "units": "GB"
                         *         },
                         *         "footprint": [
                         *           "PT",
                         *           "ES",
                         *           "FR",
                         *           "DE",
                         *           "IT"
                         *         ],
                         *         "activeCountries": [
                         *           "PT",
                         *           "ES",
                         *           "FR",
                         *           "DE",
                         *           "IT"
                         *         ],
                         *         "pricing": {
                         *           "EUR": 12.5,
                         *           "USD": 13.9
                         *         },
                         *         "region": "Europe",
                         *         "plan_id": "europe-5gb-30d"
                         *       },
                         *       "iccid": "8944500102198304826",
                         *       "device_id": "123456789",
                         *       "auto_renew": "false"
                         *     }
                         */
                        "application/json": {
                            id: string;
                            status: string;
                            initialBalance: string;
                            spentBalance: string;
                            activationDate: string;
                            expirationDate: string;
                            createdDate: string;
                            /**
                             * @example {
                             *       "id": "a3u3z000000PZBhAAO",
                             *       "name": "Europe 5 GB, 30 days",
                             *       "description": "5 GB of data in 38 European countries for 30 days",
                             *       "period": 30,
                             *       "period_unit": "DAYS",
                             *       "data": {
                             *         "value": 5,
                             *         "units": "GB"
                             *       },
                             *       "footprint": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "activeCountries": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "pricing": {
                             *         "EUR": 12.5
                             *       },
                             *       "region": "europe",
                             *       "plan_id": "europe-5gb-30d",
                             *       "pricing_source": {
                             *         "currency": "EUR",
                             *         "source": "catalogue"
                             *       }
                             *     }
                             * @example {
                             *       "id": "a3u3z000000PZBhAAO",
                             *       "name": "Europe 5 GB, 30 days",
                             *       "description": "5 GB of data in 38 European countries for 30 days",
                             *       "period": 30,
                             *       "period_unit": "DAYS",
                             *       "data": {
                             *         "value": 5,
                             *         "units": "GB"
                             *       },
                             *       "footprint": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "activeCountries": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "pricing": {
                             *         "GBP": 10.75
                             *       },
                             *       "region": "europe",
                             *       "plan_id": "europe-5gb-30d",
                             *       "pricing_source": {
                             *         "currency": "GBP",
                             *         "source": "exchange_rate",
                             *         "from_currency": "EUR",
                             *         "from_amount": 12.5,
                             *         "rate": 0.86,
                             *         "rate_set_at": "2026-11-30T09:00:00Z"
                             *       }
                             *     }
                             */
                            product: {
                                id: string;
                                name: string;
                                description: string;
                                period: number;
                                period_unit: string;
                                data: {
                                    value: number;
                                    units: string;
                                };
                                footprint: string[];
                                activeCountries: string[];
                                pricing: {
                                    [key: string]: number;
                                };
                                region: string;
                                plan_id: string;
                                /** @description cellhub extension: where the price shown comes from: the product's own price in that currency (`catalogue`), or one of its prices converted by an operator's exchange rate (`exchange_rate`, naming the rate). Only on the product routes. */
                                pricing_source?: {
                                    currency: string;
                                    /** @enum {string} */
                                    source: "catalogue";
                                } | {
                                    currency: string;
                                    /** @enum {string} */
                                    source: "exchange_rate";
                                    /** @description The product's own price's currency */
                                    from_currency: string;
                                    /** @description The product's own price */
                                    from_amount: number;
                                    /** @description Units of currency per unit of from_currency */
                                    rate: number;
                                    /** @description When the operator set the rate */
                                    rate_set_at: string;
                                    /**
                                     * @description The operator set the rate the other way round; its inverse was used
                                     * @enum {boolean}
                                     */
                                    inverse?: true;
                                };
                            };
                            iccid: string;
                            device_id: string | null;
                            /**
                             * @description Whether it renews at expiry (set at order time: subscriptions[].auto_renew); a string, as subscriptions.md prints it
                             * @enum {unknown}
                             */
                            auto_renew: "true" | "false";
                        };
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/connect-api/v1/subscriptions/{id}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A PENDING subscription becomes ACTIVE now
         * @description Activates a PENDING subscription now instead of at its activation date; any other status answers 409 CONFLICT.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer for 24 h; the same key with another request is 409 */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "aG9sZGluZzEyMw",
                         *       "status": "ACTIVE",
                         *       "initialBalance": "5368709120",
                         *       "spentBalance": "1073741824",
                         *       "activationDate": "2026-11-30T09:00:00Z",
                         *       "expirationDate": "2026-12-30T09:00:00Z",
                         *       "createdDate": "2026-11-30T09:00:00Z",
                         *       "product": {
                         *         "id": "a3u3z000000PZBhAAO",
                         *         "name": "Europe 5 GB, 30 days",
                         *         "description": "5 GB of data in 38 European countries for 30 days",
                         *         "period": 30,
                         *         "period_unit": "DAY",
                         *         "data": {
                         *           "value": 5,
                         *           "units": "GB"
                         *         },
                         *         "footprint": [
                         *           "PT",
                         *           "ES",
                         *           "FR",
                         *           "DE",
                         *           "IT"
                         *         ],
                         *         "activeCountries": [
                         *           "PT",
                         *           "ES",
                         *           "FR",
                         *           "DE",
                         *           "IT"
                         *         ],
                         *         "pricing": {
                         *           "EUR": 12.5,
                         *           "USD": 13.9
                         *         },
                         *         "region": "Europe",
                         *         "plan_id": "europe-5gb-30d"
                         *       },
                         *       "iccid": "8944500102198304826",
                         *       "device_id": "123456789",
                         *       "auto_renew": "false"
                         *     }
                         */
                        "application/json": {
                            id: string;
                            status: string;
                            initialBalance: string;
                            spentBalance: string;
                            activationDate: string;
                            expirationDate: string;
                            createdDate: string;
                            /**
                             * @example {
                             *       "id": "a3u3z000000PZBhAAO",
                             *       "name": "Europe 5 GB, 30 days",
                             *       "description": "5 GB of data in 38 European countries for 30 days",
                             *       "period": 30,
                             *       "period_unit": "DAYS",
                             *       "data": {
                             *         "value": 5,
                             *         "units": "GB"
                             *       },
                             *       "footprint": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "activeCountries": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "pricing": {
                             *         "EUR": 12.5
                             *       },
                             *       "region": "europe",
                             *       "plan_id": "europe-5gb-30d",
                             *       "pricing_source": {
                             *         "currency": "EUR",
                             *         "source": "catalogue"
                             *       }
                             *     }
                             * @example {
                             *       "id": "a3u3z000000PZBhAAO",
                             *       "name": "Europe 5 GB, 30 days",
                             *       "description": "5 GB of data in 38 European countries for 30 days",
                             *       "period": 30,
                             *       "period_unit": "DAYS",
                             *       "data": {
                             *         "value": 5,
                             *         "units": "GB"
                             *       },
                             *       "footprint": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "activeCountries": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "pricing": {
                             *         "GBP": 10.75
                             *       },
                             *       "region": "europe",
                             *       "plan_id": "europe-5gb-30d",
                             *       "pricing_source": {
                             *         "currency": "GBP",
                             *         "source": "exchange_rate",
                             *         "from_currency": "EUR",
                             *         "from_amount": 12.5,
                             *         "rate": 0.86,
                             *         "rate_set_at": "2026-11-30T09:00:00Z"
                             *       }
                             *     }
                             */
                            product: {
                                id: string;
                                name: string;
                                description: string;
                                period: number;
                                period_unit: string;
                                data: {
                                    value: number;
                                    units: string;
                                };
                                footprint: string[];
                                activeCountries: string[];
                                pricing: {
                                    [key: string]: number;
                                };
                                region: string;
                                plan_id: string;
                                /** @description cellhub extension: where the price shown comes from: the product's own price in that currency (`catalogue`), or one of its prices converted by an operator's exchange rate (`exchange_rate`, naming the rate). Only on the product routes. */
                                pricing_source?: {
                                    currency: string;
                                    /** @enum {string} */
                                    source: "catalogue";
                                } | {
                                    currency: string;
                                    /** @enum {string} */
                                    source: "exchange_rate";
                                    /** @description The product's own price's currency */
                                    from_currency: string;
                                    /** @description The product's own price */
                                    from_amount: number;
                                    /** @description Units of currency per unit of from_currency */
                                    rate: number;
                                    /** @description When the operator set the rate */
                                    rate_set_at: string;
                                    /**
                                     * @description The operator set the rate the other way round; its inverse was used
                                     * @enum {boolean}
                                     */
                                    inverse?: true;
                                };
                            };
                            iccid: string;
                            device_id: string | null;
                            /**
                             * @description Whether it renews at expiry (set at order time: subscriptions[].auto_renew); a string, as subscriptions.md prints it
                             * @enum {unknown}
                             */
                            auto_renew: "true" | "false";
                        };
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/connect-api/v1/subscription": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List subscriptions, newest first
         * @description The reseller's subscriptions, newest first, filtered by `after`, `before`, `email`, `iccid` and `product-id`, paginated by `page` and `size`. `/v1/subscription` is an alias.
         */
        get: {
            parameters: {
                query?: {
                    after?: string;
                    before?: string;
                    email?: string;
                    iccid?: string;
                    "product-id"?: string;
                    /** @description From 1 */
                    page?: number;
                    size?: number;
                    /** @description Alias of size */
                    page_size?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            status: string;
                            initialBalance: string;
                            spentBalance: string;
                            activationDate: string;
                            expirationDate: string;
                            createdDate: string;
                            /**
                             * @example {
                             *       "id": "a3u3z000000PZBhAAO",
                             *       "name": "Europe 5 GB, 30 days",
                             *       "description": "5 GB of data in 38 European countries for 30 days",
                             *       "period": 30,
                             *       "period_unit": "DAYS",
                             *       "data": {
                             *         "value": 5,
                             *         "units": "GB"
                             *       },
                             *       "footprint": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "activeCountries": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "pricing": {
                             *         "EUR": 12.5
                             *       },
                             *       "region": "europe",
                             *       "plan_id": "europe-5gb-30d",
                             *       "pricing_source": {
                             *         "currency": "EUR",
                             *         "source": "catalogue"
                             *       }
                             *     }
                             * @example {
                             *       "id": "a3u3z000000PZBhAAO",
                             *       "name": "Europe 5 GB, 30 days",
                             *       "description": "5 GB of data in 38 European countries for 30 days",
                             *       "period": 30,
                             *       "period_unit": "DAYS",
                             *       "data": {
                             *         "value": 5,
                             *         "units": "GB"
                             *       },
                             *       "footprint": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "activeCountries": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "pricing": {
                             *         "GBP": 10.75
                             *       },
                             *       "region": "europe",
                             *       "plan_id": "europe-5gb-30d",
                             *       "pricing_source": {
                             *         "currency": "GBP",
                             *         "source": "exchange_rate",
                             *         "from_currency": "EUR",
                             *         "from_amount": 12.5,
                             *         "rate": 0.86,
                             *         "rate_set_at": "2026-11-30T09:00:00Z"
                             *       }
                             *     }
                             */
                            product: {
                                id: string;
                                name: string;
                                description: string;
                                period: number;
                                period_unit: string;
                                data: {
                                    value: number;
                                    units: string;
                                };
                                footprint: string[];
                                activeCountries: string[];
                                pricing: {
                                    [key: string]: number;
                                };
                                region: string;
                                plan_id: string;
                                /** @description cellhub extension: where the price shown comes from: the product's own price in that currency (`catalogue`), or one of its prices converted by an operator's exchange rate (`exchange_rate`, naming the rate). Only on the product routes. */
                                pricing_source?: {
                                    currency: string;
                                    /** @enum {string} */
                                    source: "catalogue";
                                } | {
                                    currency: string;
                                    /** @enum {string} */
                                    source: "exchange_rate";
                                    /** @description The product's own price's currency */
                                    from_currency: string;
                                    /** @description The product's own price */
                                    from_amount: number;
                                    /** @description Units of currency per unit of from_currency */
                                    rate: number;
                                    /** @description When the operator set the rate */
                                    rate_set_at: string;
                                    /**
                                     * @description The operator set the rate the other way round; its inverse was used
                                     * @enum {boolean}
                                     */
                                    inverse?: true;
                                };
                            };
                            iccid: string;
                            device_id: string | null;
                            /**
                             * @description Whether it renews at expiry (set at order time: subscriptions[].auto_renew); a string, as subscriptions.md prints it
                             * @enum {unknown}
                             */
                            auto_renew: "true" | "false";
                        }[];
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/connect-api/v1/subscription/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A subscription with its balance
         * @description One subscription: `status` (PENDING, ACTIVE, DEPLETED, EXPIRED), `initialBalance` and `spentBalance` in bytes (as strings), `activationDate`, `expirationDate`, `createdDate`, its `product`, `iccid`, `device_id` and `auto_renew` ("true" or "false": an auto-renewing subscription is followed at its expiry by a new one of the same product).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "aG9sZGluZzEyMw",
                         *       "status": "ACTIVE",
                         *       "initialBalance": "5368709120",
                         *       "spentBalance": "1073741824",
                         *       "activationDate": "2026-11-30T09:00:00Z",
                         *       "expirationDate": "2026-12-30T09:00:00Z",
                         *       "createdDate": "2026-11-30T09:00:00Z",
                         *       "product": {
                         *         "id": "a3u3z000000PZBhAAO",
                         *         "name": "Europe 5 GB, 30 days",
                         *         "description": "5 GB of data in 38 European countries for 30 days",
                         *         "period": 30,
                         *         "period_unit": "DAY",
                         *         "data": {
                         *           "value": 5,
                         *           "units": "GB"
                         *         },
                         *         "footprint": [
                         *           "PT",
                         *           "ES",
                         *           "FR",
                         *           "DE",
                         *           "IT"
                         *         ],
                         *         "activeCountries": [
                         *           "PT",
                         *           "ES",
                         *           "FR",
                         *           "DE",
                         *           "IT"
                         *         ],
                         *         "pricing": {
                         *           "EUR": 12.5,
                         *           "USD": 13.9
                         *         },
                         *         "region": "Europe",
                         *         "plan_id": "europe-5gb-30d"
                         *       },
                         *       "iccid": "8944500102198304826",
                         *       "device_id": "123456789",
                         *       "auto_renew": "false"
                         *     }
                         */
                        "application/json": {
                            id: string;
                            status: string;
                            initialBalance: string;
                            spentBalance: string;
                            activationDate: string;
                            expirationDate: string;
                            createdDate: string;
                            /**
                             * @example {
                             *       "id": "a3u3z000000PZBhAAO",
                             *       "name": "Europe 5 GB, 30 days",
                             *       "description": "5 GB of data in 38 European countries for 30 days",
                             *       "period": 30,
                             *       "period_unit": "DAYS",
                             *       "data": {
                             *         "value": 5,
                             *         "units": "GB"
                             *       },
                             *       "footprint": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "activeCountries": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "pricing": {
                             *         "EUR": 12.5
                             *       },
                             *       "region": "europe",
                             *       "plan_id": "europe-5gb-30d",
                             *       "pricing_source": {
                             *         "currency": "EUR",
                             *         "source": "catalogue"
                             *       }
                             *     }
                             * @example {
                             *       "id": "a3u3z000000PZBhAAO",
                             *       "name": "Europe 5 GB, 30 days",
                             *       "description": "5 GB of data in 38 European countries for 30 days",
                             *       "period": 30,
                             *       "period_unit": "DAYS",
                             *       "data": {
                             *         "value": 5,
                             *         "units": "GB"
                             *       },
                             *       "footprint": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "activeCountries": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "pricing": {
                             *         "GBP": 10.75
                             *       },
                             *       "region": "europe",
                             *       "plan_id": "europe-5gb-30d",
                             *       "pricing_source": {
                             *         "currency": "GBP",
                             *         "source": "exchange_rate",
                             *         "from_currency": "EUR",
                             *         "from_amount": 12.5,
                             *         "rate": 0.86,
                             *         "rate_set_at": "2026-11-30T09:00:00Z"
                             *       }
                             *     }
                             */
                            product: {
                                id: string;
                                name: string;
                                description: string;
                                period: number;
                                period_unit: string;
                                data: {
                                    value: number;
                                    units: string;
                                };
                                footprint: string[];
                                activeCountries: string[];
                                pricing: {
                                    [key: string]: number;
                                };
                                region: string;
                                plan_id: string;
                                /** @description cellhub extension: where the price shown comes from: the product's own price in that currency (`catalogue`), or one of its prices converted by an operator's exchange rate (`exchange_rate`, naming the rate). Only on the product routes. */
                                pricing_source?: {
                                    currency: string;
                                    /** @enum {string} */
                                    source: "catalogue";
                                } | {
                                    currency: string;
                                    /** @enum {string} */
                                    source: "exchange_rate";
                                    /** @description The product's own price's currency */
                                    from_currency: string;
                                    /** @description The product's own price */
                                    from_amount: number;
                                    /** @description Units of currency per unit of from_currency */
                                    rate: number;
                                    /** @description When the operator set the rate */
                                    rate_set_at: string;
                                    /**
                                     * @description The operator set the rate the other way round; its inverse was used
                                     * @enum {boolean}
                                     */
                                    inverse?: true;
                                };
                            };
                            iccid: string;
                            device_id: string | null;
                            /**
                             * @description Whether it renews at expiry (set at order time: subscriptions[].auto_renew); a string, as subscriptions.md prints it
                             * @enum {unknown}
                             */
                            auto_renew: "true" | "false";
                        };
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/connect-api/v1/subscription/{id}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A PENDING subscription becomes ACTIVE now
         * @description Activates a PENDING subscription now instead of at its activation date; any other status answers 409 CONFLICT.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer for 24 h; the same key with another request is 409 */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "aG9sZGluZzEyMw",
                         *       "status": "ACTIVE",
                         *       "initialBalance": "5368709120",
                         *       "spentBalance": "1073741824",
                         *       "activationDate": "2026-11-30T09:00:00Z",
                         *       "expirationDate": "2026-12-30T09:00:00Z",
                         *       "createdDate": "2026-11-30T09:00:00Z",
                         *       "product": {
                         *         "id": "a3u3z000000PZBhAAO",
                         *         "name": "Europe 5 GB, 30 days",
                         *         "description": "5 GB of data in 38 European countries for 30 days",
                         *         "period": 30,
                         *         "period_unit": "DAY",
                         *         "data": {
                         *           "value": 5,
                         *           "units": "GB"
                         *         },
                         *         "footprint": [
                         *           "PT",
                         *           "ES",
                         *           "FR",
                         *           "DE",
                         *           "IT"
                         *         ],
                         *         "activeCountries": [
                         *           "PT",
                         *           "ES",
                         *           "FR",
                         *           "DE",
                         *           "IT"
                         *         ],
                         *         "pricing": {
                         *           "EUR": 12.5,
                         *           "USD": 13.9
                         *         },
                         *         "region": "Europe",
                         *         "plan_id": "europe-5gb-30d"
                         *       },
                         *       "iccid": "8944500102198304826",
                         *       "device_id": "123456789",
                         *       "auto_renew": "false"
                         *     }
                         */
                        "application/json": {
                            id: string;
                            status: string;
                            initialBalance: string;
                            spentBalance: string;
                            activationDate: string;
                            expirationDate: string;
                            createdDate: string;
                            /**
                             * @example {
                             *       "id": "a3u3z000000PZBhAAO",
                             *       "name": "Europe 5 GB, 30 days",
                             *       "description": "5 GB of data in 38 European countries for 30 days",
                             *       "period": 30,
                             *       "period_unit": "DAYS",
                             *       "data": {
                             *         "value": 5,
                             *         "units": "GB"
                             *       },
                             *       "footprint": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "activeCountries": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "pricing": {
                             *         "EUR": 12.5
                             *       },
                             *       "region": "europe",
                             *       "plan_id": "europe-5gb-30d",
                             *       "pricing_source": {
                             *         "currency": "EUR",
                             *         "source": "catalogue"
                             *       }
                             *     }
                             * @example {
                             *       "id": "a3u3z000000PZBhAAO",
                             *       "name": "Europe 5 GB, 30 days",
                             *       "description": "5 GB of data in 38 European countries for 30 days",
                             *       "period": 30,
                             *       "period_unit": "DAYS",
                             *       "data": {
                             *         "value": 5,
                             *         "units": "GB"
                             *       },
                             *       "footprint": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "activeCountries": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "pricing": {
                             *         "GBP": 10.75
                             *       },
                             *       "region": "europe",
                             *       "plan_id": "europe-5gb-30d",
                             *       "pricing_source": {
                             *         "currency": "GBP",
                             *         "source": "exchange_rate",
                             *         "from_currency": "EUR",
                             *         "from_amount": 12.5,
                             *         "rate": 0.86,
                             *         "rate_set_at": "2026-11-30T09:00:00Z"
                             *       }
                             *     }
                             */
                            product: {
                                id: string;
                                name: string;
                                description: string;
                                period: number;
                                period_unit: string;
                                data: {
                                    value: number;
                                    units: string;
                                };
                                footprint: string[];
                                activeCountries: string[];
                                pricing: {
                                    [key: string]: number;
                                };
                                region: string;
                                plan_id: string;
                                /** @description cellhub extension: where the price shown comes from: the product's own price in that currency (`catalogue`), or one of its prices converted by an operator's exchange rate (`exchange_rate`, naming the rate). Only on the product routes. */
                                pricing_source?: {
                                    currency: string;
                                    /** @enum {string} */
                                    source: "catalogue";
                                } | {
                                    currency: string;
                                    /** @enum {string} */
                                    source: "exchange_rate";
                                    /** @description The product's own price's currency */
                                    from_currency: string;
                                    /** @description The product's own price */
                                    from_amount: number;
                                    /** @description Units of currency per unit of from_currency */
                                    rate: number;
                                    /** @description When the operator set the rate */
                                    rate_set_at: string;
                                    /**
                                     * @description The operator set the rate the other way round; its inverse was used
                                     * @enum {boolean}
                                     */
                                    inverse?: true;
                                };
                            };
                            iccid: string;
                            device_id: string | null;
                            /**
                             * @description Whether it renews at expiry (set at order time: subscriptions[].auto_renew); a string, as subscriptions.md prints it
                             * @enum {unknown}
                             */
                            auto_renew: "true" | "false";
                        };
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/connect-api/v1/status/subscription/{id}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A PENDING subscription becomes ACTIVE now (deprecated: POST /v1/subscription/{id}/activate)
         * @deprecated
         * @description Activates a PENDING subscription now instead of at its activation date; any other status answers 409 CONFLICT.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer for 24 h; the same key with another request is 409 */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "aG9sZGluZzEyMw",
                         *       "status": "ACTIVE",
                         *       "initialBalance": "5368709120",
                         *       "spentBalance": "1073741824",
                         *       "activationDate": "2026-11-30T09:00:00Z",
                         *       "expirationDate": "2026-12-30T09:00:00Z",
                         *       "createdDate": "2026-11-30T09:00:00Z",
                         *       "product": {
                         *         "id": "a3u3z000000PZBhAAO",
                         *         "name": "Europe 5 GB, 30 days",
                         *         "description": "5 GB of data in 38 European countries for 30 days",
                         *         "period": 30,
                         *         "period_unit": "DAY",
                         *         "data": {
                         *           "value": 5,
                         *           "units": "GB"
                         *         },
                         *         "footprint": [
                         *           "PT",
                         *           "ES",
                         *           "FR",
                         *           "DE",
                         *           "IT"
                         *         ],
                         *         "activeCountries": [
                         *           "PT",
                         *           "ES",
                         *           "FR",
                         *           "DE",
                         *           "IT"
                         *         ],
                         *         "pricing": {
                         *           "EUR": 12.5,
                         *           "USD": 13.9
                         *         },
                         *         "region": "Europe",
                         *         "plan_id": "europe-5gb-30d"
                         *       },
                         *       "iccid": "8944500102198304826",
                         *       "device_id": "123456789",
                         *       "auto_renew": "false"
                         *     }
                         */
                        "application/json": {
                            id: string;
                            status: string;
                            initialBalance: string;
                            spentBalance: string;
                            activationDate: string;
                            expirationDate: string;
                            createdDate: string;
                            /**
                             * @example {
                             *       "id": "a3u3z000000PZBhAAO",
                             *       "name": "Europe 5 GB, 30 days",
                             *       "description": "5 GB of data in 38 European countries for 30 days",
                             *       "period": 30,
                             *       "period_unit": "DAYS",
                             *       "data": {
                             *         "value": 5,
                             *         "units": "GB"
                             *       },
                             *       "footprint": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "activeCountries": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "pricing": {
                             *         "EUR": 12.5
                             *       },
                             *       "region": "europe",
                             *       "plan_id": "europe-5gb-30d",
                             *       "pricing_source": {
                             *         "currency": "EUR",
                             *         "source": "catalogue"
                             *       }
                             *     }
                             * @example {
                             *       "id": "a3u3z000000PZBhAAO",
                             *       "name": "Europe 5 GB, 30 days",
                             *       "description": "5 GB of data in 38 European countries for 30 days",
                             *       "period": 30,
                             *       "period_unit": "DAYS",
                             *       "data": {
                             *         "value": 5,
                             *         "units": "GB"
                             *       },
                             *       "footprint": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "activeCountries": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "pricing": {
                             *         "GBP": 10.75
                             *       },
                             *       "region": "europe",
                             *       "plan_id": "europe-5gb-30d",
                             *       "pricing_source": {
                             *         "currency": "GBP",
                             *         "source": "exchange_rate",
                             *         "from_currency": "EUR",
                             *         "from_amount": 12.5,
                             *         "rate": 0.86,
                             *         "rate_set_at": "2026-11-30T09:00:00Z"
                             *       }
                             *     }
                             */
                            product: {
                                id: string;
                                name: string;
                                description: string;
                                period: number;
                                period_unit: string;
                                data: {
                                    value: number;
                                    units: string;
                                };
                                footprint: string[];
                                activeCountries: string[];
                                pricing: {
                                    [key: string]: number;
                                };
                                region: string;
                                plan_id: string;
                                /** @description cellhub extension: where the price shown comes from: the product's own price in that currency (`catalogue`), or one of its prices converted by an operator's exchange rate (`exchange_rate`, naming the rate). Only on the product routes. */
                                pricing_source?: {
                                    currency: string;
                                    /** @enum {string} */
                                    source: "catalogue";
                                } | {
                                    currency: string;
                                    /** @enum {string} */
                                    source: "exchange_rate";
                                    /** @description The product's own price's currency */
                                    from_currency: string;
                                    /** @description The product's own price */
                                    from_amount: number;
                                    /** @description Units of currency per unit of from_currency */
                                    rate: number;
                                    /** @description When the operator set the rate */
                                    rate_set_at: string;
                                    /**
                                     * @description The operator set the rate the other way round; its inverse was used
                                     * @enum {boolean}
                                     */
                                    inverse?: true;
                                };
                            };
                            iccid: string;
                            device_id: string | null;
                            /**
                             * @description Whether it renews at expiry (set at order time: subscriptions[].auto_renew); a string, as subscriptions.md prints it
                             * @enum {unknown}
                             */
                            auto_renew: "true" | "false";
                        };
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/connect-api/v1/customer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The client's customer, by email
         * @description Answers the client's customer whose `email` matches (without regard to case); another client's customer is 403 ACCESS_DENIED, an unknown email 404 NOT_FOUND.
         */
        get: {
            parameters: {
                query: {
                    email: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "29asdaA3801b4789asdA235=",
                         *       "email": "john@doe.com",
                         *       "firstName": "John",
                         *       "lastName": "Doe",
                         *       "countryOfResidence": "US",
                         *       "language": "EN",
                         *       "phoneNumber": "0044102938120",
                         *       "defaultCurrency": "EUR",
                         *       "type": "BUSINESS",
                         *       "companyName": "TruExample",
                         *       "companyNumber": "123456789",
                         *       "jobTitle": "Software Engineer",
                         *       "billingAddress": {
                         *         "streetAddress1": "25 Cobbleton Square Appartments",
                         *         "streetAddress2": "Cupertino",
                         *         "city": "San Jose",
                         *         "state": "California",
                         *         "postCode": "12345",
                         *         "country": "United States"
                         *       },
                         *       "shippingAddress": {
                         *         "streetAddress1": "25 Cobbleton Square Appartments",
                         *         "streetAddress2": "Cupertino",
                         *         "city": "San Jose",
                         *         "state": "California",
                         *         "postCode": "12345",
                         *         "country": "United States"
                         *       },
                         *       "verified": false
                         *     }
                         */
                        "application/json": {
                            id: string;
                            email: string;
                            firstName: string;
                            lastName: string;
                            countryOfResidence?: string;
                            language?: string;
                            phoneNumber?: string;
                            defaultCurrency?: string;
                            type: string;
                            companyName?: string;
                            companyNumber?: string;
                            jobTitle?: string;
                            billingAddress?: {
                                streetAddress1?: string;
                                streetAddress2?: string;
                                city?: string;
                                state?: string;
                                postCode?: string;
                                country?: string;
                            };
                            shippingAddress?: {
                                streetAddress1?: string;
                                streetAddress2?: string;
                                city?: string;
                                state?: string;
                                postCode?: string;
                                country?: string;
                            };
                            verified: boolean;
                        };
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create the customer this ACCOUNT_MANAGER client acts for (once per client)
         * @description Creates the end customer this client acts for: PERSONAL needs `email`, `firstName` and `lastName`; BUSINESS also `companyName`. `defaultCurrency` must be one the reseller prices in (or an exchange rate converts to); `phoneNumber` is international (+44…, 0044…) or national in `countryOfResidence`. A second create answers 409 CONFLICT; a `RESELLER` client is refused (403 ACCESS_DENIED). Orders this client places afterwards belong to the customer.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer for 24 h; the same key with another request is 409 */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Ignored: a customer read and sent back may carry its id */
                        id?: string;
                        email?: string | null;
                        type?: ("PERSONAL" | "BUSINESS" | "BUSSINESS") | null;
                        firstName?: string | null;
                        lastName?: string | null;
                        language?: string | null;
                        countryOfResidence?: string | null;
                        phoneNumber?: string | null;
                        defaultCurrency?: string | null;
                        verified?: boolean | null;
                        billingAddress?: {
                            streetAddress1: string;
                            streetAddress2?: string | null;
                            city: string;
                            state?: string | null;
                            postCode?: string | null;
                            /** @description As the page writes it: a name ("Portugal") or a code */
                            country: string;
                        } | null;
                        shippingAddress?: {
                            streetAddress1: string;
                            streetAddress2?: string | null;
                            city: string;
                            state?: string | null;
                            postCode?: string | null;
                            /** @description As the page writes it: a name ("Portugal") or a code */
                            country: string;
                        } | null;
                        companyName?: string | null;
                        companyNumber?: string | null;
                        jobTitle?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "29asdaA3801b4789asdA235=",
                         *       "email": "john@doe.com",
                         *       "firstName": "John",
                         *       "lastName": "Doe",
                         *       "countryOfResidence": "US",
                         *       "language": "EN",
                         *       "phoneNumber": "0044102938120",
                         *       "defaultCurrency": "EUR",
                         *       "type": "BUSINESS",
                         *       "companyName": "TruExample",
                         *       "companyNumber": "123456789",
                         *       "jobTitle": "Software Engineer",
                         *       "billingAddress": {
                         *         "streetAddress1": "25 Cobbleton Square Appartments",
                         *         "streetAddress2": "Cupertino",
                         *         "city": "San Jose",
                         *         "state": "California",
                         *         "postCode": "12345",
                         *         "country": "United States"
                         *       },
                         *       "shippingAddress": {
                         *         "streetAddress1": "25 Cobbleton Square Appartments",
                         *         "streetAddress2": "Cupertino",
                         *         "city": "San Jose",
                         *         "state": "California",
                         *         "postCode": "12345",
                         *         "country": "United States"
                         *       },
                         *       "verified": false
                         *     }
                         */
                        "application/json": {
                            id: string;
                            email: string;
                            firstName: string;
                            lastName: string;
                            countryOfResidence?: string;
                            language?: string;
                            phoneNumber?: string;
                            defaultCurrency?: string;
                            type: string;
                            companyName?: string;
                            companyNumber?: string;
                            jobTitle?: string;
                            billingAddress?: {
                                streetAddress1?: string;
                                streetAddress2?: string;
                                city?: string;
                                state?: string;
                                postCode?: string;
                                country?: string;
                            };
                            shippingAddress?: {
                                streetAddress1?: string;
                                streetAddress2?: string;
                                city?: string;
                                state?: string;
                                postCode?: string;
                                country?: string;
                            };
                            verified: boolean;
                        };
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        /**
         * The same, with the id in the query string (as the page's examples write it)
         * @description The older spelling of `PATCH /v1/customer/{id}`: the id in `?id=`. Answers exactly as the newer one.
         */
        patch: {
            parameters: {
                query: {
                    id: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Ignored: a customer read and sent back may carry its id */
                        id?: string;
                        email?: string | null;
                        type?: ("PERSONAL" | "BUSINESS" | "BUSSINESS") | null;
                        firstName?: string | null;
                        lastName?: string | null;
                        language?: string | null;
                        countryOfResidence?: string | null;
                        phoneNumber?: string | null;
                        defaultCurrency?: string | null;
                        verified?: boolean | null;
                        billingAddress?: {
                            streetAddress1: string;
                            streetAddress2?: string | null;
                            city: string;
                            state?: string | null;
                            postCode?: string | null;
                            /** @description As the page writes it: a name ("Portugal") or a code */
                            country: string;
                        } | null;
                        shippingAddress?: {
                            streetAddress1: string;
                            streetAddress2?: string | null;
                            city: string;
                            state?: string | null;
                            postCode?: string | null;
                            /** @description As the page writes it: a name ("Portugal") or a code */
                            country: string;
                        } | null;
                        companyName?: string | null;
                        companyNumber?: string | null;
                        jobTitle?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "29asdaA3801b4789asdA235=",
                         *       "email": "john@doe.com",
                         *       "firstName": "John",
                         *       "lastName": "Doe",
                         *       "countryOfResidence": "US",
                         *       "language": "EN",
                         *       "phoneNumber": "0044102938120",
                         *       "defaultCurrency": "EUR",
                         *       "type": "BUSINESS",
                         *       "companyName": "TruExample",
                         *       "companyNumber": "123456789",
                         *       "jobTitle": "Software Engineer",
                         *       "billingAddress": {
                         *         "streetAddress1": "25 Cobbleton Square Appartments",
                         *         "streetAddress2": "Cupertino",
                         *         "city": "San Jose",
                         *         "state": "California",
                         *         "postCode": "12345",
                         *         "country": "United States"
                         *       },
                         *       "shippingAddress": {
                         *         "streetAddress1": "25 Cobbleton Square Appartments",
                         *         "streetAddress2": "Cupertino",
                         *         "city": "San Jose",
                         *         "state": "California",
                         *         "postCode": "12345",
                         *         "country": "United States"
                         *       },
                         *       "verified": false
                         *     }
                         */
                        "application/json": {
                            id: string;
                            email: string;
                            firstName: string;
                            lastName: string;
                            countryOfResidence?: string;
                            language?: string;
                            phoneNumber?: string;
                            defaultCurrency?: string;
                            type: string;
                            companyName?: string;
                            companyNumber?: string;
                            jobTitle?: string;
                            billingAddress?: {
                                streetAddress1?: string;
                                streetAddress2?: string;
                                city?: string;
                                state?: string;
                                postCode?: string;
                                country?: string;
                            };
                            shippingAddress?: {
                                streetAddress1?: string;
                                streetAddress2?: string;
                                city?: string;
                                state?: string;
                                postCode?: string;
                                country?: string;
                            };
                            verified: boolean;
                        };
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/connect-api/v1/customer/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change the customer: fields not sent keep their value, null deletes one
         * @description A partial update: fields left out keep their value, a field sent as null is deleted (a required one cannot be). The same rules as at creation apply to the result; `verified` may be set here.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Ignored: a customer read and sent back may carry its id */
                        id?: string;
                        email?: string | null;
                        type?: ("PERSONAL" | "BUSINESS" | "BUSSINESS") | null;
                        firstName?: string | null;
                        lastName?: string | null;
                        language?: string | null;
                        countryOfResidence?: string | null;
                        phoneNumber?: string | null;
                        defaultCurrency?: string | null;
                        verified?: boolean | null;
                        billingAddress?: {
                            streetAddress1: string;
                            streetAddress2?: string | null;
                            city: string;
                            state?: string | null;
                            postCode?: string | null;
                            /** @description As the page writes it: a name ("Portugal") or a code */
                            country: string;
                        } | null;
                        shippingAddress?: {
                            streetAddress1: string;
                            streetAddress2?: string | null;
                            city: string;
                            state?: string | null;
                            postCode?: string | null;
                            /** @description As the page writes it: a name ("Portugal") or a code */
                            country: string;
                        } | null;
                        companyName?: string | null;
                        companyNumber?: string | null;
                        jobTitle?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "29asdaA3801b4789asdA235=",
                         *       "email": "john@doe.com",
                         *       "firstName": "John",
                         *       "lastName": "Doe",
                         *       "countryOfResidence": "US",
                         *       "language": "EN",
                         *       "phoneNumber": "0044102938120",
                         *       "defaultCurrency": "EUR",
                         *       "type": "BUSINESS",
                         *       "companyName": "TruExample",
                         *       "companyNumber": "123456789",
                         *       "jobTitle": "Software Engineer",
                         *       "billingAddress": {
                         *         "streetAddress1": "25 Cobbleton Square Appartments",
                         *         "streetAddress2": "Cupertino",
                         *         "city": "San Jose",
                         *         "state": "California",
                         *         "postCode": "12345",
                         *         "country": "United States"
                         *       },
                         *       "shippingAddress": {
                         *         "streetAddress1": "25 Cobbleton Square Appartments",
                         *         "streetAddress2": "Cupertino",
                         *         "city": "San Jose",
                         *         "state": "California",
                         *         "postCode": "12345",
                         *         "country": "United States"
                         *       },
                         *       "verified": false
                         *     }
                         */
                        "application/json": {
                            id: string;
                            email: string;
                            firstName: string;
                            lastName: string;
                            countryOfResidence?: string;
                            language?: string;
                            phoneNumber?: string;
                            defaultCurrency?: string;
                            type: string;
                            companyName?: string;
                            companyNumber?: string;
                            jobTitle?: string;
                            billingAddress?: {
                                streetAddress1?: string;
                                streetAddress2?: string;
                                city?: string;
                                state?: string;
                                postCode?: string;
                                country?: string;
                            };
                            shippingAddress?: {
                                streetAddress1?: string;
                                streetAddress2?: string;
                                city?: string;
                                state?: string;
                                postCode?: string;
                                country?: string;
                            };
                            verified: boolean;
                        };
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/connect-api/v1/customer/{customerId}/payment-method": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The customer's payment methods
         * @description The payment methods stored for the customer: the gateway's token and what the page shows (name, type, last digits, expiry), each with the `id` that DELETE takes.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    customerId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example [
                         *       {
                         *         "id": "a3jM0000001keW8IAI",
                         *         "token": "1238",
                         *         "name": "John Doe",
                         *         "type": "VISA",
                         *         "last_digits": "1234",
                         *         "expiry_month": "12",
                         *         "expiry_year": "2030",
                         *         "gateway": "TRUPHONE"
                         *       }
                         *     ]
                         */
                        "application/json": {
                            id: string;
                            token: string;
                            name?: string;
                            type: string;
                            last_digits: string;
                            expiry_month: string;
                            expiry_year: string;
                            gateway: string;
                        }[];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Add a payment method: the gateway's token and the card's last digits and expiry; never a card number or security code
         * @description Stores a payment method. A field that looks like a full card number (13 to 19 digits passing the Luhn check) or any security-code field is refused with 400 naming the field, and never stored or logged; an expired card is refused too.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer for 24 h; the same key with another request is 409 */
                    "idempotency-key"?: string;
                };
                path: {
                    customerId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "token": "1238",
                     *       "name": "John Doe",
                     *       "type": "VISA",
                     *       "last_digits": "1234",
                     *       "expiry_month": "12",
                     *       "expiry_year": "2030",
                     *       "gateway": "TRUPHONE"
                     *     }
                     */
                    "application/json": {
                        /** @description The payment gateway's token for the card */
                        token: string;
                        name?: string | null;
                        /** @description VISA, MASTERCARD, … */
                        type: string;
                        last_digits: string;
                        expiry_month: string;
                        expiry_year: string;
                        /** @description CYBERSOURCE, TRUPHONE, … */
                        gateway: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "a3jM0000001keW8IAI"
                         *     }
                         */
                        "application/json": {
                            id: string;
                        };
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/connect-api/v1/customer/{customerId}/payment-method/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a payment method
         * @description Deletes one of the customer's payment methods (204); an unknown one is 404 NOT_FOUND.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    customerId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/esim/v1/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the products this reseller sells
         * @deprecated
         * @description The reseller's Connect catalogue as a JSON array, paginated by `page` and `size` (`X-Next-Page`, `X-Previous-Page` headers): `id, name, description, period, period_unit, data{value, units}, footprint, activeCountries, pricing, region`. `/v1/product` is an alias of `/v1/products`. `pricing` holds the price in `currency` (or `targetCurrency`, as products.md names it; default EUR): the product's own price in it, else one of its prices converted by an operator's exchange rate; `pricing_source` (a cellhub extension) says which. A currency no price reaches is 400 naming the field and the currency.
         */
        get: {
            parameters: {
                query?: {
                    plan_id?: string;
                    /** @description The currency the price is shown in (ISO 4217; default EUR): the product's own price in it, else one converted by an operator's exchange rate (see pricing_source). Alias targetCurrency */
                    currency?: string;
                    /** @description Alias of currency */
                    targetCurrency?: string;
                    /** @description From 1 */
                    page?: number;
                    size?: number;
                    /** @description Alias of size */
                    page_size?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            description: string;
                            period: number;
                            period_unit: string;
                            data: {
                                value: number;
                                units: string;
                            };
                            footprint: string[];
                            activeCountries: string[];
                            pricing: {
                                [key: string]: number;
                            };
                            region: string;
                            plan_id: string;
                            /** @description cellhub extension: where the price shown comes from: the product's own price in that currency (`catalogue`), or one of its prices converted by an operator's exchange rate (`exchange_rate`, naming the rate). Only on the product routes. */
                            pricing_source?: {
                                currency: string;
                                /** @enum {string} */
                                source: "catalogue";
                            } | {
                                currency: string;
                                /** @enum {string} */
                                source: "exchange_rate";
                                /** @description The product's own price's currency */
                                from_currency: string;
                                /** @description The product's own price */
                                from_amount: number;
                                /** @description Units of currency per unit of from_currency */
                                rate: number;
                                /** @description When the operator set the rate */
                                rate_set_at: string;
                                /**
                                 * @description The operator set the rate the other way round; its inverse was used
                                 * @enum {boolean}
                                 */
                                inverse?: true;
                            };
                        }[];
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/esim/v1/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get one of this reseller's products
         * @deprecated
         * @description One product of the reseller's catalogue, priced in `currency` (or `targetCurrency`; default EUR) as in the list. `/v1/product/{id}` is an alias.
         */
        get: {
            parameters: {
                query?: {
                    /** @description The currency the price is shown in (ISO 4217; default EUR): the product's own price in it, else one converted by an operator's exchange rate (see pricing_source). Alias targetCurrency */
                    currency?: string;
                    /** @description Alias of currency */
                    targetCurrency?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            description: string;
                            period: number;
                            period_unit: string;
                            data: {
                                value: number;
                                units: string;
                            };
                            footprint: string[];
                            activeCountries: string[];
                            pricing: {
                                [key: string]: number;
                            };
                            region: string;
                            plan_id: string;
                            /** @description cellhub extension: where the price shown comes from: the product's own price in that currency (`catalogue`), or one of its prices converted by an operator's exchange rate (`exchange_rate`, naming the rate). Only on the product routes. */
                            pricing_source?: {
                                currency: string;
                                /** @enum {string} */
                                source: "catalogue";
                            } | {
                                currency: string;
                                /** @enum {string} */
                                source: "exchange_rate";
                                /** @description The product's own price's currency */
                                from_currency: string;
                                /** @description The product's own price */
                                from_amount: number;
                                /** @description Units of currency per unit of from_currency */
                                rate: number;
                                /** @description When the operator set the rate */
                                rate_set_at: string;
                                /**
                                 * @description The operator set the rate the other way round; its inverse was used
                                 * @enum {boolean}
                                 */
                                inverse?: true;
                            };
                        };
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/esim/v1/product": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the products this reseller sells
         * @deprecated
         * @description The reseller's Connect catalogue as a JSON array, paginated by `page` and `size` (`X-Next-Page`, `X-Previous-Page` headers): `id, name, description, period, period_unit, data{value, units}, footprint, activeCountries, pricing, region`. `/v1/product` is an alias of `/v1/products`. `pricing` holds the price in `currency` (or `targetCurrency`, as products.md names it; default EUR): the product's own price in it, else one of its prices converted by an operator's exchange rate; `pricing_source` (a cellhub extension) says which. A currency no price reaches is 400 naming the field and the currency.
         */
        get: {
            parameters: {
                query?: {
                    plan_id?: string;
                    /** @description The currency the price is shown in (ISO 4217; default EUR): the product's own price in it, else one converted by an operator's exchange rate (see pricing_source). Alias targetCurrency */
                    currency?: string;
                    /** @description Alias of currency */
                    targetCurrency?: string;
                    /** @description From 1 */
                    page?: number;
                    size?: number;
                    /** @description Alias of size */
                    page_size?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            description: string;
                            period: number;
                            period_unit: string;
                            data: {
                                value: number;
                                units: string;
                            };
                            footprint: string[];
                            activeCountries: string[];
                            pricing: {
                                [key: string]: number;
                            };
                            region: string;
                            plan_id: string;
                            /** @description cellhub extension: where the price shown comes from: the product's own price in that currency (`catalogue`), or one of its prices converted by an operator's exchange rate (`exchange_rate`, naming the rate). Only on the product routes. */
                            pricing_source?: {
                                currency: string;
                                /** @enum {string} */
                                source: "catalogue";
                            } | {
                                currency: string;
                                /** @enum {string} */
                                source: "exchange_rate";
                                /** @description The product's own price's currency */
                                from_currency: string;
                                /** @description The product's own price */
                                from_amount: number;
                                /** @description Units of currency per unit of from_currency */
                                rate: number;
                                /** @description When the operator set the rate */
                                rate_set_at: string;
                                /**
                                 * @description The operator set the rate the other way round; its inverse was used
                                 * @enum {boolean}
                                 */
                                inverse?: true;
                            };
                        }[];
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/esim/v1/product/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get one of this reseller's products
         * @deprecated
         * @description One product of the reseller's catalogue, priced in `currency` (or `targetCurrency`; default EUR) as in the list. `/v1/product/{id}` is an alias.
         */
        get: {
            parameters: {
                query?: {
                    /** @description The currency the price is shown in (ISO 4217; default EUR): the product's own price in it, else one converted by an operator's exchange rate (see pricing_source). Alias targetCurrency */
                    currency?: string;
                    /** @description Alias of currency */
                    targetCurrency?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            description: string;
                            period: number;
                            period_unit: string;
                            data: {
                                value: number;
                                units: string;
                            };
                            footprint: string[];
                            activeCountries: string[];
                            pricing: {
                                [key: string]: number;
                            };
                            region: string;
                            plan_id: string;
                            /** @description cellhub extension: where the price shown comes from: the product's own price in that currency (`catalogue`), or one of its prices converted by an operator's exchange rate (`exchange_rate`, naming the rate). Only on the product routes. */
                            pricing_source?: {
                                currency: string;
                                /** @enum {string} */
                                source: "catalogue";
                            } | {
                                currency: string;
                                /** @enum {string} */
                                source: "exchange_rate";
                                /** @description The product's own price's currency */
                                from_currency: string;
                                /** @description The product's own price */
                                from_amount: number;
                                /** @description Units of currency per unit of from_currency */
                                rate: number;
                                /** @description When the operator set the rate */
                                rate_set_at: string;
                                /**
                                 * @description The operator set the rate the other way round; its inverse was used
                                 * @enum {boolean}
                                 */
                                inverse?: true;
                            };
                        };
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/esim/v1/order": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List orders, newest first
         * @deprecated
         * @description The reseller's orders, newest first, filtered by `status` (ACCEPTED, FULFILLING, COMPLETED, FAILED), `start_date` and `end_date`, paginated by `page` and `page_size`.
         */
        get: {
            parameters: {
                query?: {
                    status?: "ACCEPTED" | "FULFILLING" | "COMPLETED" | "FAILED";
                    start_date?: string;
                    end_date?: string;
                    /** @description From 1 */
                    page?: number;
                    size?: number;
                    /** @description Alias of size */
                    page_size?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            externalId: string;
                            status: string;
                            operationType: string;
                            createdDate: string;
                            output?: {
                                [key: string]: string;
                            };
                            failureReason?: string;
                        }[];
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Order a new eSIM (NEW_ESIM) or more subscriptions on one (TOPUP)
         * @deprecated
         * @description Places a Connect order: `NEW_ESIM` makes a new eSIM with the given subscriptions; `TOPUP` adds subscriptions to the reseller's eSIM named in `esim.iccid`. Checked at once (known products, `activationDate` not in the past, `price` and `currency` together, a `currency` the product is priced in or an exchange rate reaches, at most 15 live subscriptions per SIM; `countryCode` a country, required for a NEW_ESIM and, if the operator configured the reseller so, for a TOPUP) and answered `{id, externalId, status: ACCEPTED}`; it then goes ACCEPTED → FULFILLING → COMPLETED or FAILED.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer for 24 h; the same key with another request is 409 */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        input: {
                            /**
                             * @description TOPUP_ACTIVATION: the deprecated name of TOPUP, ordered as TOPUP
                             * @enum {unknown}
                             */
                            operationType: "NEW_ESIM" | "TOPUP" | "TOPUP_ACTIVATION";
                            /** @description ISO 3166-1 alpha-2: where the order is placed. Required for a NEW_ESIM; for a TOPUP only if the operator configured the reseller to require it (orders.md: "configurable") */
                            countryCode?: string;
                            customer?: {
                                /** Format: email */
                                email: string;
                            } & {
                                [key: string]: unknown;
                            };
                            device?: {
                                id: string;
                                /**
                                 * @description Required for a NEW_ESIM; optional for a TOPUP (orders.md)
                                 * @enum {unknown}
                                 */
                                type?: "ios" | "android" | "iot";
                                model?: string;
                                eid?: string;
                                make?: string;
                            };
                            subscriptions: {
                                product_id: string;
                                /** Format: date-time */
                                activationDate?: string;
                                price?: number;
                                currency?: string;
                                /** @description cellhub: renew at expiry (default false): a new subscription of the same product, for a new period from the expiry, ordered and charged like any other (an order of its own at this price and currency) and announced with the usual notifications. The pages print auto_renew as a string ("false"): either is taken. */
                                auto_renew?: boolean | ("true" | "false");
                            }[];
                            esim?: {
                                iccid: string;
                            };
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "3a6acf89-1ccf-4611-9424-453930f57ef1",
                         *       "externalId": "3a6acf89-1ccf-4611-9424-453930f57ef1",
                         *       "status": "ACCEPTED"
                         *     }
                         */
                        "application/json": {
                            id: string;
                            externalId: string;
                            status: string;
                        };
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/esim/v1/order/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an order; a completed one carries the eSIM it made
         * @deprecated
         * @description One order by its UUID; a COMPLETED one carries `output{iccid, matchingId, smdpUrl, lpa_url, subscription_id}` to install the eSIM with.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            externalId: string;
                            status: string;
                            operationType: string;
                            createdDate: string;
                            output?: {
                                [key: string]: string;
                            };
                            failureReason?: string;
                        };
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/esim/v1/sim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the SIM profiles this reseller sold
         * @deprecated
         * @description The reseller's SIM profiles as `[{id: iccid, url}]`, paginated by `page` (from 1) and `size` (default 40).
         */
        get: {
            parameters: {
                query?: {
                    /** @description From 1 */
                    page?: number;
                    size?: number;
                    /** @description Alias of size */
                    page_size?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example [
                         *       {
                         *         "id": "8944500102198304826",
                         *         "url": "/v1/sim/8944500102198304826"
                         *       }
                         *     ]
                         */
                        "application/json": {
                            id: string;
                            url: string;
                        }[];
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/esim/v1/sim/{iccid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A SIM profile's details
         * @deprecated
         * @description `iccid`, `eid`, `matching_id` (also `matchingId`), `lpa_url`, `status` (also `profileStatus`: Released, Downloaded, Installed, Unavailable) and `last_modified`. The status moves with the device, as the SM-DP+ reports it.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    iccid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "iccid": "8944500102198304826",
                         *       "eid": "89049032004008882600019002596666",
                         *       "matching_id": "QR-G-5C-KR-1PXPK7D",
                         *       "matchingId": "QR-G-5C-KR-1PXPK7D",
                         *       "lpa_url": "LPA:1$smdp.cellhub.local$QR-G-5C-KR-1PXPK7D",
                         *       "status": "Installed",
                         *       "profileStatus": "Installed",
                         *       "last_modified": "2026-11-30T09:05:00Z"
                         *     }
                         */
                        "application/json": {
                            iccid: string;
                            eid: string | null;
                            matching_id: string | null;
                            matchingId: string | null;
                            lpa_url: string | null;
                            status: string;
                            profileStatus: string;
                            last_modified: string;
                        };
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /**
         * Bind the profile to another device (EID), while Released or Unavailable
         * @deprecated
         * @description Update EID (sims.md): sets the EID the profile is bound to, `{"eid": "…"}` (32 digits), and answers the SIM profile as `GET /v1/sim/{iccid}` does (a client reading seed 002's `{ }` finds what it expects, and more). Only while the profile is Released or Unavailable (otherwise 409 CONFLICT). sims.md prints this request without a body: the EID is required, and a request without one is 400 INVALID_REQUEST_PARAMS naming `eid`.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    iccid: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "eid": "89049032004008882600019002596666"
                     *     }
                     */
                    "application/json": {
                        eid: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "iccid": "8944500102198304826",
                         *       "eid": "89049032004008882600019002596666",
                         *       "matching_id": "QR-G-5C-KR-1PXPK7D",
                         *       "matchingId": "QR-G-5C-KR-1PXPK7D",
                         *       "lpa_url": "LPA:1$smdp.cellhub.local$QR-G-5C-KR-1PXPK7D",
                         *       "status": "Installed",
                         *       "profileStatus": "Installed",
                         *       "last_modified": "2026-11-30T09:05:00Z"
                         *     }
                         */
                        "application/json": {
                            iccid: string;
                            eid: string | null;
                            matching_id: string | null;
                            matchingId: string | null;
                            lpa_url: string | null;
                            status: string;
                            profileStatus: string;
                            last_modified: string;
                        };
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /**
         * Take back a SIM profile never installed and never used (its subscriptions go with it)
         * @deprecated
         * @description Deletes a SIM profile that was never installed and none of whose subscriptions was used (204), freeing its resources; otherwise 409 CONFLICT.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    iccid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/esim/v1/sim/{iccid}/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The SIM profile's subscriptions, newest first
         * @deprecated
         * @description The subscriptions on one SIM profile, newest first, with their balances; `size` 1 to 40, `page` from 1.
         */
        get: {
            parameters: {
                query?: {
                    /** @description From 1 */
                    page?: number;
                    size?: number;
                    /** @description Alias of size */
                    page_size?: number;
                };
                header?: never;
                path: {
                    iccid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            status: string;
                            initialBalance: string;
                            spentBalance: string;
                            activationDate: string;
                            expirationDate: string;
                            createdDate: string;
                            /**
                             * @example {
                             *       "id": "a3u3z000000PZBhAAO",
                             *       "name": "Europe 5 GB, 30 days",
                             *       "description": "5 GB of data in 38 European countries for 30 days",
                             *       "period": 30,
                             *       "period_unit": "DAYS",
                             *       "data": {
                             *         "value": 5,
                             *         "units": "GB"
                             *       },
                             *       "footprint": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "activeCountries": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "pricing": {
                             *         "EUR": 12.5
                             *       },
                             *       "region": "europe",
                             *       "plan_id": "europe-5gb-30d",
                             *       "pricing_source": {
                             *         "currency": "EUR",
                             *         "source": "catalogue"
                             *       }
                             *     }
                             * @example {
                             *       "id": "a3u3z000000PZBhAAO",
                             *       "name": "Europe 5 GB, 30 days",
                             *       "description": "5 GB of data in 38 European countries for 30 days",
                             *       "period": 30,
                             *       "period_unit": "DAYS",
                             *       "data": {
                             *         "value": 5,
                             *         "units": "GB"
                             *       },
                             *       "footprint": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "activeCountries": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "pricing": {
                             *         "GBP": 10.75
                             *       },
                             *       "region": "europe",
                             *       "plan_id": "europe-5gb-30d",
                             *       "pricing_source": {
                             *         "currency": "GBP",
                             *         "source": "exchange_rate",
                             *         "from_currency": "EUR",
                             *         "from_amount": 12.5,
                             *         "rate": 0.86,
                             *         "rate_set_at": "2026-11-30T09:00:00Z"
                             *       }
                             *     }
                             */
                            product: {
                                id: string;
                                name: string;
                                description: string;
                                period: number;
                                period_unit: string;
                                data: {
                                    value: number;
                                    units: string;
                                };
                                footprint: string[];
                                activeCountries: string[];
                                pricing: {
                                    [key: string]: number;
                                };
                                region: string;
                                plan_id: string;
                                /** @description cellhub extension: where the price shown comes from: the product's own price in that currency (`catalogue`), or one of its prices converted by an operator's exchange rate (`exchange_rate`, naming the rate). Only on the product routes. */
                                pricing_source?: {
                                    currency: string;
                                    /** @enum {string} */
                                    source: "catalogue";
                                } | {
                                    currency: string;
                                    /** @enum {string} */
                                    source: "exchange_rate";
                                    /** @description The product's own price's currency */
                                    from_currency: string;
                                    /** @description The product's own price */
                                    from_amount: number;
                                    /** @description Units of currency per unit of from_currency */
                                    rate: number;
                                    /** @description When the operator set the rate */
                                    rate_set_at: string;
                                    /**
                                     * @description The operator set the rate the other way round; its inverse was used
                                     * @enum {boolean}
                                     */
                                    inverse?: true;
                                };
                            };
                            iccid: string;
                            device_id: string | null;
                            /**
                             * @description Whether it renews at expiry (set at order time: subscriptions[].auto_renew); a string, as subscriptions.md prints it
                             * @enum {unknown}
                             */
                            auto_renew: "true" | "false";
                        }[];
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/esim/v1/status/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The SIM profile's subscriptions (deprecated: GET /v1/sim/{iccid}/subscriptions)
         * @deprecated
         * @description The older spelling of `GET /v1/sim/{iccid}/subscriptions`, as subscriptions.md still lists it: the ICCID in `?iccid=`. Answers the same, with `Deprecation` and a `Link` to its successor.
         */
        get: {
            parameters: {
                query: {
                    iccid: string;
                    /** @description From 1 */
                    page?: number;
                    size?: number;
                    /** @description Alias of size */
                    page_size?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            status: string;
                            initialBalance: string;
                            spentBalance: string;
                            activationDate: string;
                            expirationDate: string;
                            createdDate: string;
                            /**
                             * @example {
                             *       "id": "a3u3z000000PZBhAAO",
                             *       "name": "Europe 5 GB, 30 days",
                             *       "description": "5 GB of data in 38 European countries for 30 days",
                             *       "period": 30,
                             *       "period_unit": "DAYS",
                             *       "data": {
                             *         "value": 5,
                             *         "units": "GB"
                             *       },
                             *       "footprint": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "activeCountries": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "pricing": {
                             *         "EUR": 12.5
                             *       },
                             *       "region": "europe",
                             *       "plan_id": "europe-5gb-30d",
                             *       "pricing_source": {
                             *         "currency": "EUR",
                             *         "source": "catalogue"
                             *       }
                             *     }
                             * @example {
                             *       "id": "a3u3z000000PZBhAAO",
                             *       "name": "Europe 5 GB, 30 days",
                             *       "description": "5 GB of data in 38 European countries for 30 days",
                             *       "period": 30,
                             *       "period_unit": "DAYS",
                             *       "data": {
                             *         "value": 5,
                             *         "units": "GB"
                             *       },
                             *       "footprint": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "activeCountries": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "pricing": {
                             *         "GBP": 10.75
                             *       },
                             *       "region": "europe",
                             *       "plan_id": "europe-5gb-30d",
                             *       "pricing_source": {
                             *         "currency": "GBP",
                             *         "source": "exchange_rate",
                             *         "from_currency": "EUR",
                             *         "from_amount": 12.5,
                             *         "rate": 0.86,
                             *         "rate_set_at": "2026-11-30T09:00:00Z"
                             *       }
                             *     }
                             */
                            product: {
                                id: string;
                                name: string;
                                description: string;
                                period: number;
                                period_unit: string;
                                data: {
                                    value: number;
                                    units: string;
                                };
                                footprint: string[];
                                activeCountries: string[];
                                pricing: {
                                    [key: string]: number;
                                };
                                region: string;
                                plan_id: string;
                                /** @description cellhub extension: where the price shown comes from: the product's own price in that currency (`catalogue`), or one of its prices converted by an operator's exchange rate (`exchange_rate`, naming the rate). Only on the product routes. */
                                pricing_source?: {
                                    currency: string;
                                    /** @enum {string} */
                                    source: "catalogue";
                                } | {
                                    currency: string;
                                    /** @enum {string} */
                                    source: "exchange_rate";
                                    /** @description The product's own price's currency */
                                    from_currency: string;
                                    /** @description The product's own price */
                                    from_amount: number;
                                    /** @description Units of currency per unit of from_currency */
                                    rate: number;
                                    /** @description When the operator set the rate */
                                    rate_set_at: string;
                                    /**
                                     * @description The operator set the rate the other way round; its inverse was used
                                     * @enum {boolean}
                                     */
                                    inverse?: true;
                                };
                            };
                            iccid: string;
                            device_id: string | null;
                            /**
                             * @description Whether it renews at expiry (set at order time: subscriptions[].auto_renew); a string, as subscriptions.md prints it
                             * @enum {unknown}
                             */
                            auto_renew: "true" | "false";
                        }[];
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/esim/v1/sim/{iccid}/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where the SIM profile's notifications go
         * @deprecated
         * @description The webhooks registered for the SIM profile: `{notifications: [{type, webhook_url}]}`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    iccid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "notifications": [
                         *         {
                         *           "type": "USAGE_THRESHOLD",
                         *           "webhook_url": "https://hooks.reseller.example/cellhub/usage"
                         *         },
                         *         {
                         *           "type": "SUBSCRIPTION_END",
                         *           "webhook_url": "https://hooks.reseller.example/cellhub/end"
                         *         }
                         *       ]
                         *     }
                         */
                        "application/json": {
                            notifications: {
                                type: string;
                                webhook_url: string;
                            }[];
                        };
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/esim/v1/sim/{iccid}/preferences/notifications/{type}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Send the SIM profile's notifications of a type (USAGE_THRESHOLD, SUBSCRIPTION_END) to a webhook
         * @deprecated
         * @description Registers (POST) or replaces (PUT) the `webhook_url` for one notification type: `USAGE_THRESHOLD` (once, at 80 % of a subscription's data) or `SUBSCRIPTION_END` (once, when it is depleted or expires; the docs' spelling `SUBSCRITPION_END` is accepted). The URL must be public (no loopback or private address, ports 80, 443, 8080, 8443). Deliveries are signed per Standard Webhooks and retried on failure.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    iccid: string;
                    type: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "webhook_url": "https://hooks.reseller.example/cellhub/usage"
                     *     }
                     */
                    "application/json": {
                        /** Format: uri */
                        webhook_url: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /** @example {} */
                        "application/json": Record<string, never>;
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /**
         * Send the SIM profile's notifications of a type (USAGE_THRESHOLD, SUBSCRIPTION_END) to a webhook
         * @deprecated
         * @description Registers (POST) or replaces (PUT) the `webhook_url` for one notification type: `USAGE_THRESHOLD` (once, at 80 % of a subscription's data) or `SUBSCRIPTION_END` (once, when it is depleted or expires; the docs' spelling `SUBSCRITPION_END` is accepted). The URL must be public (no loopback or private address, ports 80, 443, 8080, 8443). Deliveries are signed per Standard Webhooks and retried on failure.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer for 24 h; the same key with another request is 409 */
                    "idempotency-key"?: string;
                };
                path: {
                    iccid: string;
                    type: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "webhook_url": "https://hooks.reseller.example/cellhub/usage"
                     *     }
                     */
                    "application/json": {
                        /** Format: uri */
                        webhook_url: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /** @example {} */
                        "application/json": Record<string, never>;
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /**
         * Stop a type of notification
         * @deprecated
         * @description Removes the webhook of one notification type for the SIM profile.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    iccid: string;
                    type: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /** @example {} */
                        "application/json": Record<string, never>;
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/esim/v1/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List subscriptions, newest first
         * @deprecated
         * @description The reseller's subscriptions, newest first, filtered by `after`, `before`, `email`, `iccid` and `product-id`, paginated by `page` and `size`. `/v1/subscription` is an alias.
         */
        get: {
            parameters: {
                query?: {
                    after?: string;
                    before?: string;
                    email?: string;
                    iccid?: string;
                    "product-id"?: string;
                    /** @description From 1 */
                    page?: number;
                    size?: number;
                    /** @description Alias of size */
                    page_size?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            status: string;
                            initialBalance: string;
                            spentBalance: string;
                            activationDate: string;
                            expirationDate: string;
                            createdDate: string;
                            /**
                             * @example {
                             *       "id": "a3u3z000000PZBhAAO",
                             *       "name": "Europe 5 GB, 30 days",
                             *       "description": "5 GB of data in 38 European countries for 30 days",
                             *       "period": 30,
                             *       "period_unit": "DAYS",
                             *       "data": {
                             *         "value": 5,
                             *         "units": "GB"
                             *       },
                             *       "footprint": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "activeCountries": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "pricing": {
                             *         "EUR": 12.5
                             *       },
                             *       "region": "europe",
                             *       "plan_id": "europe-5gb-30d",
                             *       "pricing_source": {
                             *         "currency": "EUR",
                             *         "source": "catalogue"
                             *       }
                             *     }
                             * @example {
                             *       "id": "a3u3z000000PZBhAAO",
                             *       "name": "Europe 5 GB, 30 days",
                             *       "description": "5 GB of data in 38 European countries for 30 days",
                             *       "period": 30,
                             *       "period_unit": "DAYS",
                             *       "data": {
                             *         "value": 5,
                             *         "units": "GB"
                             *       },
                             *       "footprint": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "activeCountries": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "pricing": {
                             *         "GBP": 10.75
                             *       },
                             *       "region": "europe",
                             *       "plan_id": "europe-5gb-30d",
                             *       "pricing_source": {
                             *         "currency": "GBP",
                             *         "source": "exchange_rate",
                             *         "from_currency": "EUR",
                             *         "from_amount": 12.5,
                             *         "rate": 0.86,
                             *         "rate_set_at": "2026-11-30T09:00:00Z"
                             *       }
                             *     }
                             */
                            product: {
                                id: string;
                                name: string;
                                description: string;
                                period: number;
                                period_unit: string;
                                data: {
                                    value: number;
                                    units: string;
                                };
                                footprint: string[];
                                activeCountries: string[];
                                pricing: {
                                    [key: string]: number;
                                };
                                region: string;
                                plan_id: string;
                                /** @description cellhub extension: where the price shown comes from: the product's own price in that currency (`catalogue`), or one of its prices converted by an operator's exchange rate (`exchange_rate`, naming the rate). Only on the product routes. */
                                pricing_source?: {
                                    currency: string;
                                    /** @enum {string} */
                                    source: "catalogue";
                                } | {
                                    currency: string;
                                    /** @enum {string} */
                                    source: "exchange_rate";
                                    /** @description The product's own price's currency */
                                    from_currency: string;
                                    /** @description The product's own price */
                                    from_amount: number;
                                    /** @description Units of currency per unit of from_currency */
                                    rate: number;
                                    /** @description When the operator set the rate */
                                    rate_set_at: string;
                                    /**
                                     * @description The operator set the rate the other way round; its inverse was used
                                     * @enum {boolean}
                                     */
                                    inverse?: true;
                                };
                            };
                            iccid: string;
                            device_id: string | null;
                            /**
                             * @description Whether it renews at expiry (set at order time: subscriptions[].auto_renew); a string, as subscriptions.md prints it
                             * @enum {unknown}
                             */
                            auto_renew: "true" | "false";
                        }[];
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/esim/v1/subscriptions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A subscription with its balance
         * @deprecated
         * @description One subscription: `status` (PENDING, ACTIVE, DEPLETED, EXPIRED), `initialBalance` and `spentBalance` in bytes (as strings), `activationDate`, `expirationDate`, `createdDate`, its `product`, `iccid`, `device_id` and `auto_renew` ("true" or "false": an auto-renewing subscription is followed at its expiry by a new one of the same product).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "aG9sZGluZzEyMw",
                         *       "status": "ACTIVE",
                         *       "initialBalance": "5368709120",
                         *       "spentBalance": "1073741824",
                         *       "activationDate": "2026-11-30T09:00:00Z",
                         *       "expirationDate": "2026-12-30T09:00:00Z",
                         *       "createdDate": "2026-11-30T09:00:00Z",
                         *       "product": {
                         *         "id": "a3u3z000000PZBhAAO",
                         *         "name": "Europe 5 GB, 30 days",
                         *         "description": "5 GB of data in 38 European countries for 30 days",
                         *         "period": 30,
                         *         "period_unit": "DAY",
                         *         "data": {
                         *           "value": 5,
                         *           "units": "GB"
                         *         },
                         *         "footprint": [
                         *           "PT",
                         *           "ES",
                         *           "FR",
                         *           "DE",
                         *           "IT"
                         *         ],
                         *         "activeCountries": [
                         *           "PT",
                         *           "ES",
                         *           "FR",
                         *           "DE",
                         *           "IT"
                         *         ],
                         *         "pricing": {
                         *           "EUR": 12.5,
                         *           "USD": 13.9
                         *         },
                         *         "region": "Europe",
                         *         "plan_id": "europe-5gb-30d"
                         *       },
                         *       "iccid": "8944500102198304826",
                         *       "device_id": "123456789",
                         *       "auto_renew": "false"
                         *     }
                         */
                        "application/json": {
                            id: string;
                            status: string;
                            initialBalance: string;
                            spentBalance: string;
                            activationDate: string;
                            expirationDate: string;
                            createdDate: string;
                            /**
                             * @example {
                             *       "id": "a3u3z000000PZBhAAO",
                             *       "name": "Europe 5 GB, 30 days",
                             *       "description": "5 GB of data in 38 European countries for 30 days",
                             *       "period": 30,
                             *       "period_unit": "DAYS",
                             *       "data": {
                             *         "value": 5,
                             *         "units": "GB"
                             *       },
                             *       "footprint": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "activeCountries": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "pricing": {
                             *         "EUR": 12.5
                             *       },
                             *       "region": "europe",
                             *       "plan_id": "europe-5gb-30d",
                             *       "pricing_source": {
                             *         "currency": "EUR",
                             *         "source": "catalogue"
                             *       }
                             *     }
                             * @example {
                             *       "id": "a3u3z000000PZBhAAO",
                             *       "name": "Europe 5 GB, 30 days",
                             *       "description": "5 GB of data in 38 European countries for 30 days",
                             *       "period": 30,
                             *       "period_unit": "DAYS",
                             *       "data": {
                             *         "value": 5,
                             *         "units": "GB"
                             *       },
                             *       "footprint": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "activeCountries": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "pricing": {
                             *         "GBP": 10.75
                             *       },
                             *       "region": "europe",
                             *       "plan_id": "europe-5gb-30d",
                             *       "pricing_source": {
                             *         "currency": "GBP",
                             *         "source": "exchange_rate",
                             *         "from_currency": "EUR",
                             *         "from_amount": 12.5,
                             *         "rate": 0.86,
                             *         "rate_set_at": "2026-11-30T09:00:00Z"
                             *       }
                             *     }
                             */
                            product: {
                                id: string;
                                name: string;
                                description: string;
                                period: number;
                                period_unit: string;
                                data: {
                                    value: number;
                                    units: string;
                                };
                                footprint: string[];
                                activeCountries: string[];
                                pricing: {
                                    [key: string]: number;
                                };
                                region: string;
                                plan_id: string;
                                /** @description cellhub extension: where the price shown comes from: the product's own price in that currency (`catalogue`), or one of its prices converted by an operator's exchange rate (`exchange_rate`, naming the rate). Only on the product routes. */
                                pricing_source?: {
                                    currency: string;
                                    /** @enum {string} */
                                    source: "catalogue";
                                } | {
                                    currency: string;
                                    /** @enum {string} */
                                    source: "exchange_rate";
                                    /** @description The product's own price's currency */
                                    from_currency: string;
                                    /** @description The product's own price */
                                    from_amount: number;
                                    /** @description Units of currency per unit of from_currency */
                                    rate: number;
                                    /** @description When the operator set the rate */
                                    rate_set_at: string;
                                    /**
                                     * @description The operator set the rate the other way round; its inverse was used
                                     * @enum {boolean}
                                     */
                                    inverse?: true;
                                };
                            };
                            iccid: string;
                            device_id: string | null;
                            /**
                             * @description Whether it renews at expiry (set at order time: subscriptions[].auto_renew); a string, as subscriptions.md prints it
                             * @enum {unknown}
                             */
                            auto_renew: "true" | "false";
                        };
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/esim/v1/subscriptions/{id}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A PENDING subscription becomes ACTIVE now
         * @deprecated
         * @description Activates a PENDING subscription now instead of at its activation date; any other status answers 409 CONFLICT.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer for 24 h; the same key with another request is 409 */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "aG9sZGluZzEyMw",
                         *       "status": "ACTIVE",
                         *       "initialBalance": "5368709120",
                         *       "spentBalance": "1073741824",
                         *       "activationDate": "2026-11-30T09:00:00Z",
                         *       "expirationDate": "2026-12-30T09:00:00Z",
                         *       "createdDate": "2026-11-30T09:00:00Z",
                         *       "product": {
                         *         "id": "a3u3z000000PZBhAAO",
                         *         "name": "Europe 5 GB, 30 days",
                         *         "description": "5 GB of data in 38 European countries for 30 days",
                         *         "period": 30,
                         *         "period_unit": "DAY",
                         *         "data": {
                         *           "value": 5,
                         *           "units": "GB"
                         *         },
                         *         "footprint": [
                         *           "PT",
                         *           "ES",
                         *           "FR",
                         *           "DE",
                         *           "IT"
                         *         ],
                         *         "activeCountries": [
                         *           "PT",
                         *           "ES",
                         *           "FR",
                         *           "DE",
                         *           "IT"
                         *         ],
                         *         "pricing": {
                         *           "EUR": 12.5,
                         *           "USD": 13.9
                         *         },
                         *         "region": "Europe",
                         *         "plan_id": "europe-5gb-30d"
                         *       },
                         *       "iccid": "8944500102198304826",
                         *       "device_id": "123456789",
                         *       "auto_renew": "false"
                         *     }
                         */
                        "application/json": {
                            id: string;
                            status: string;
                            initialBalance: string;
                            spentBalance: string;
                            activationDate: string;
                            expirationDate: string;
                            createdDate: string;
                            /**
                             * @example {
                             *       "id": "a3u3z000000PZBhAAO",
                             *       "name": "Europe 5 GB, 30 days",
                             *       "description": "5 GB of data in 38 European countries for 30 days",
                             *       "period": 30,
                             *       "period_unit": "DAYS",
                             *       "data": {
                             *         "value": 5,
                             *         "units": "GB"
                             *       },
                             *       "footprint": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "activeCountries": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "pricing": {
                             *         "EUR": 12.5
                             *       },
                             *       "region": "europe",
                             *       "plan_id": "europe-5gb-30d",
                             *       "pricing_source": {
                             *         "currency": "EUR",
                             *         "source": "catalogue"
                             *       }
                             *     }
                             * @example {
                             *       "id": "a3u3z000000PZBhAAO",
                             *       "name": "Europe 5 GB, 30 days",
                             *       "description": "5 GB of data in 38 European countries for 30 days",
                             *       "period": 30,
                             *       "period_unit": "DAYS",
                             *       "data": {
                             *         "value": 5,
                             *         "units": "GB"
                             *       },
                             *       "footprint": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "activeCountries": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "pricing": {
                             *         "GBP": 10.75
                             *       },
                             *       "region": "europe",
                             *       "plan_id": "europe-5gb-30d",
                             *       "pricing_source": {
                             *         "currency": "GBP",
                             *         "source": "exchange_rate",
                             *         "from_currency": "EUR",
                             *         "from_amount": 12.5,
                             *         "rate": 0.86,
                             *         "rate_set_at": "2026-11-30T09:00:00Z"
                             *       }
                             *     }
                             */
                            product: {
                                id: string;
                                name: string;
                                description: string;
                                period: number;
                                period_unit: string;
                                data: {
                                    value: number;
                                    units: string;
                                };
                                footprint: string[];
                                activeCountries: string[];
                                pricing: {
                                    [key: string]: number;
                                };
                                region: string;
                                plan_id: string;
                                /** @description cellhub extension: where the price shown comes from: the product's own price in that currency (`catalogue`), or one of its prices converted by an operator's exchange rate (`exchange_rate`, naming the rate). Only on the product routes. */
                                pricing_source?: {
                                    currency: string;
                                    /** @enum {string} */
                                    source: "catalogue";
                                } | {
                                    currency: string;
                                    /** @enum {string} */
                                    source: "exchange_rate";
                                    /** @description The product's own price's currency */
                                    from_currency: string;
                                    /** @description The product's own price */
                                    from_amount: number;
                                    /** @description Units of currency per unit of from_currency */
                                    rate: number;
                                    /** @description When the operator set the rate */
                                    rate_set_at: string;
                                    /**
                                     * @description The operator set the rate the other way round; its inverse was used
                                     * @enum {boolean}
                                     */
                                    inverse?: true;
                                };
                            };
                            iccid: string;
                            device_id: string | null;
                            /**
                             * @description Whether it renews at expiry (set at order time: subscriptions[].auto_renew); a string, as subscriptions.md prints it
                             * @enum {unknown}
                             */
                            auto_renew: "true" | "false";
                        };
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/esim/v1/subscription": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List subscriptions, newest first
         * @deprecated
         * @description The reseller's subscriptions, newest first, filtered by `after`, `before`, `email`, `iccid` and `product-id`, paginated by `page` and `size`. `/v1/subscription` is an alias.
         */
        get: {
            parameters: {
                query?: {
                    after?: string;
                    before?: string;
                    email?: string;
                    iccid?: string;
                    "product-id"?: string;
                    /** @description From 1 */
                    page?: number;
                    size?: number;
                    /** @description Alias of size */
                    page_size?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            status: string;
                            initialBalance: string;
                            spentBalance: string;
                            activationDate: string;
                            expirationDate: string;
                            createdDate: string;
                            /**
                             * @example {
                             *       "id": "a3u3z000000PZBhAAO",
                             *       "name": "Europe 5 GB, 30 days",
                             *       "description": "5 GB of data in 38 European countries for 30 days",
                             *       "period": 30,
                             *       "period_unit": "DAYS",
                             *       "data": {
                             *         "value": 5,
                             *         "units": "GB"
                             *       },
                             *       "footprint": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "activeCountries": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "pricing": {
                             *         "EUR": 12.5
                             *       },
                             *       "region": "europe",
                             *       "plan_id": "europe-5gb-30d",
                             *       "pricing_source": {
                             *         "currency": "EUR",
                             *         "source": "catalogue"
                             *       }
                             *     }
                             * @example {
                             *       "id": "a3u3z000000PZBhAAO",
                             *       "name": "Europe 5 GB, 30 days",
                             *       "description": "5 GB of data in 38 European countries for 30 days",
                             *       "period": 30,
                             *       "period_unit": "DAYS",
                             *       "data": {
                             *         "value": 5,
                             *         "units": "GB"
                             *       },
                             *       "footprint": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "activeCountries": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "pricing": {
                             *         "GBP": 10.75
                             *       },
                             *       "region": "europe",
                             *       "plan_id": "europe-5gb-30d",
                             *       "pricing_source": {
                             *         "currency": "GBP",
                             *         "source": "exchange_rate",
                             *         "from_currency": "EUR",
                             *         "from_amount": 12.5,
                             *         "rate": 0.86,
                             *         "rate_set_at": "2026-11-30T09:00:00Z"
                             *       }
                             *     }
                             */
                            product: {
                                id: string;
                                name: string;
                                description: string;
                                period: number;
                                period_unit: string;
                                data: {
                                    value: number;
                                    units: string;
                                };
                                footprint: string[];
                                activeCountries: string[];
                                pricing: {
                                    [key: string]: number;
                                };
                                region: string;
                                plan_id: string;
                                /** @description cellhub extension: where the price shown comes from: the product's own price in that currency (`catalogue`), or one of its prices converted by an operator's exchange rate (`exchange_rate`, naming the rate). Only on the product routes. */
                                pricing_source?: {
                                    currency: string;
                                    /** @enum {string} */
                                    source: "catalogue";
                                } | {
                                    currency: string;
                                    /** @enum {string} */
                                    source: "exchange_rate";
                                    /** @description The product's own price's currency */
                                    from_currency: string;
                                    /** @description The product's own price */
                                    from_amount: number;
                                    /** @description Units of currency per unit of from_currency */
                                    rate: number;
                                    /** @description When the operator set the rate */
                                    rate_set_at: string;
                                    /**
                                     * @description The operator set the rate the other way round; its inverse was used
                                     * @enum {boolean}
                                     */
                                    inverse?: true;
                                };
                            };
                            iccid: string;
                            device_id: string | null;
                            /**
                             * @description Whether it renews at expiry (set at order time: subscriptions[].auto_renew); a string, as subscriptions.md prints it
                             * @enum {unknown}
                             */
                            auto_renew: "true" | "false";
                        }[];
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/esim/v1/subscription/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A subscription with its balance
         * @deprecated
         * @description One subscription: `status` (PENDING, ACTIVE, DEPLETED, EXPIRED), `initialBalance` and `spentBalance` in bytes (as strings), `activationDate`, `expirationDate`, `createdDate`, its `product`, `iccid`, `device_id` and `auto_renew` ("true" or "false": an auto-renewing subscription is followed at its expiry by a new one of the same product).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "aG9sZGluZzEyMw",
                         *       "status": "ACTIVE",
                         *       "initialBalance": "5368709120",
                         *       "spentBalance": "1073741824",
                         *       "activationDate": "2026-11-30T09:00:00Z",
                         *       "expirationDate": "2026-12-30T09:00:00Z",
                         *       "createdDate": "2026-11-30T09:00:00Z",
                         *       "product": {
                         *         "id": "a3u3z000000PZBhAAO",
                         *         "name": "Europe 5 GB, 30 days",
                         *         "description": "5 GB of data in 38 European countries for 30 days",
                         *         "period": 30,
                         *         "period_unit": "DAY",
                         *         "data": {
                         *           "value": 5,
                         *           "units": "GB"
                         *         },
                         *         "footprint": [
                         *           "PT",
                         *           "ES",
                         *           "FR",
                         *           "DE",
                         *           "IT"
                         *         ],
                         *         "activeCountries": [
                         *           "PT",
                         *           "ES",
                         *           "FR",
                         *           "DE",
                         *           "IT"
                         *         ],
                         *         "pricing": {
                         *           "EUR": 12.5,
                         *           "USD": 13.9
                         *         },
                         *         "region": "Europe",
                         *         "plan_id": "europe-5gb-30d"
                         *       },
                         *       "iccid": "8944500102198304826",
                         *       "device_id": "123456789",
                         *       "auto_renew": "false"
                         *     }
                         */
                        "application/json": {
                            id: string;
                            status: string;
                            initialBalance: string;
                            spentBalance: string;
                            activationDate: string;
                            expirationDate: string;
                            createdDate: string;
                            /**
                             * @example {
                             *       "id": "a3u3z000000PZBhAAO",
                             *       "name": "Europe 5 GB, 30 days",
                             *       "description": "5 GB of data in 38 European countries for 30 days",
                             *       "period": 30,
                             *       "period_unit": "DAYS",
                             *       "data": {
                             *         "value": 5,
                             *         "units": "GB"
                             *       },
                             *       "footprint": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "activeCountries": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "pricing": {
                             *         "EUR": 12.5
                             *       },
                             *       "region": "europe",
                             *       "plan_id": "europe-5gb-30d",
                             *       "pricing_source": {
                             *         "currency": "EUR",
                             *         "source": "catalogue"
                             *       }
                             *     }
                             * @example {
                             *       "id": "a3u3z000000PZBhAAO",
                             *       "name": "Europe 5 GB, 30 days",
                             *       "description": "5 GB of data in 38 European countries for 30 days",
                             *       "period": 30,
                             *       "period_unit": "DAYS",
                             *       "data": {
                             *         "value": 5,
                             *         "units": "GB"
                             *       },
                             *       "footprint": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "activeCountries": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "pricing": {
                             *         "GBP": 10.75
                             *       },
                             *       "region": "europe",
                             *       "plan_id": "europe-5gb-30d",
                             *       "pricing_source": {
                             *         "currency": "GBP",
                             *         "source": "exchange_rate",
                             *         "from_currency": "EUR",
                             *         "from_amount": 12.5,
                             *         "rate": 0.86,
                             *         "rate_set_at": "2026-11-30T09:00:00Z"
                             *       }
                             *     }
                             */
                            product: {
                                id: string;
                                name: string;
                                description: string;
                                period: number;
                                period_unit: string;
                                data: {
                                    value: number;
                                    units: string;
                                };
                                footprint: string[];
                                activeCountries: string[];
                                pricing: {
                                    [key: string]: number;
                                };
                                region: string;
                                plan_id: string;
                                /** @description cellhub extension: where the price shown comes from: the product's own price in that currency (`catalogue`), or one of its prices converted by an operator's exchange rate (`exchange_rate`, naming the rate). Only on the product routes. */
                                pricing_source?: {
                                    currency: string;
                                    /** @enum {string} */
                                    source: "catalogue";
                                } | {
                                    currency: string;
                                    /** @enum {string} */
                                    source: "exchange_rate";
                                    /** @description The product's own price's currency */
                                    from_currency: string;
                                    /** @description The product's own price */
                                    from_amount: number;
                                    /** @description Units of currency per unit of from_currency */
                                    rate: number;
                                    /** @description When the operator set the rate */
                                    rate_set_at: string;
                                    /**
                                     * @description The operator set the rate the other way round; its inverse was used
                                     * @enum {boolean}
                                     */
                                    inverse?: true;
                                };
                            };
                            iccid: string;
                            device_id: string | null;
                            /**
                             * @description Whether it renews at expiry (set at order time: subscriptions[].auto_renew); a string, as subscriptions.md prints it
                             * @enum {unknown}
                             */
                            auto_renew: "true" | "false";
                        };
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/esim/v1/subscription/{id}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A PENDING subscription becomes ACTIVE now
         * @deprecated
         * @description Activates a PENDING subscription now instead of at its activation date; any other status answers 409 CONFLICT.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer for 24 h; the same key with another request is 409 */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "aG9sZGluZzEyMw",
                         *       "status": "ACTIVE",
                         *       "initialBalance": "5368709120",
                         *       "spentBalance": "1073741824",
                         *       "activationDate": "2026-11-30T09:00:00Z",
                         *       "expirationDate": "2026-12-30T09:00:00Z",
                         *       "createdDate": "2026-11-30T09:00:00Z",
                         *       "product": {
                         *         "id": "a3u3z000000PZBhAAO",
                         *         "name": "Europe 5 GB, 30 days",
                         *         "description": "5 GB of data in 38 European countries for 30 days",
                         *         "period": 30,
                         *         "period_unit": "DAY",
                         *         "data": {
                         *           "value": 5,
                         *           "units": "GB"
                         *         },
                         *         "footprint": [
                         *           "PT",
                         *           "ES",
                         *           "FR",
                         *           "DE",
                         *           "IT"
                         *         ],
                         *         "activeCountries": [
                         *           "PT",
                         *           "ES",
                         *           "FR",
                         *           "DE",
                         *           "IT"
                         *         ],
                         *         "pricing": {
                         *           "EUR": 12.5,
                         *           "USD": 13.9
                         *         },
                         *         "region": "Europe",
                         *         "plan_id": "europe-5gb-30d"
                         *       },
                         *       "iccid": "8944500102198304826",
                         *       "device_id": "123456789",
                         *       "auto_renew": "false"
                         *     }
                         */
                        "application/json": {
                            id: string;
                            status: string;
                            initialBalance: string;
                            spentBalance: string;
                            activationDate: string;
                            expirationDate: string;
                            createdDate: string;
                            /**
                             * @example {
                             *       "id": "a3u3z000000PZBhAAO",
                             *       "name": "Europe 5 GB, 30 days",
                             *       "description": "5 GB of data in 38 European countries for 30 days",
                             *       "period": 30,
                             *       "period_unit": "DAYS",
                             *       "data": {
                             *         "value": 5,
                             *         "units": "GB"
                             *       },
                             *       "footprint": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "activeCountries": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "pricing": {
                             *         "EUR": 12.5
                             *       },
                             *       "region": "europe",
                             *       "plan_id": "europe-5gb-30d",
                             *       "pricing_source": {
                             *         "currency": "EUR",
                             *         "source": "catalogue"
                             *       }
                             *     }
                             * @example {
                             *       "id": "a3u3z000000PZBhAAO",
                             *       "name": "Europe 5 GB, 30 days",
                             *       "description": "5 GB of data in 38 European countries for 30 days",
                             *       "period": 30,
                             *       "period_unit": "DAYS",
                             *       "data": {
                             *         "value": 5,
                             *         "units": "GB"
                             *       },
                             *       "footprint": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "activeCountries": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "pricing": {
                             *         "GBP": 10.75
                             *       },
                             *       "region": "europe",
                             *       "plan_id": "europe-5gb-30d",
                             *       "pricing_source": {
                             *         "currency": "GBP",
                             *         "source": "exchange_rate",
                             *         "from_currency": "EUR",
                             *         "from_amount": 12.5,
                             *         "rate": 0.86,
                             *         "rate_set_at": "2026-11-30T09:00:00Z"
                             *       }
                             *     }
                             */
                            product: {
                                id: string;
                                name: string;
                                description: string;
                                period: number;
                                period_unit: string;
                                data: {
                                    value: number;
                                    units: string;
                                };
                                footprint: string[];
                                activeCountries: string[];
                                pricing: {
                                    [key: string]: number;
                                };
                                region: string;
                                plan_id: string;
                                /** @description cellhub extension: where the price shown comes from: the product's own price in that currency (`catalogue`), or one of its prices converted by an operator's exchange rate (`exchange_rate`, naming the rate). Only on the product routes. */
                                pricing_source?: {
                                    currency: string;
                                    /** @enum {string} */
                                    source: "catalogue";
                                } | {
                                    currency: string;
                                    /** @enum {string} */
                                    source: "exchange_rate";
                                    /** @description The product's own price's currency */
                                    from_currency: string;
                                    /** @description The product's own price */
                                    from_amount: number;
                                    /** @description Units of currency per unit of from_currency */
                                    rate: number;
                                    /** @description When the operator set the rate */
                                    rate_set_at: string;
                                    /**
                                     * @description The operator set the rate the other way round; its inverse was used
                                     * @enum {boolean}
                                     */
                                    inverse?: true;
                                };
                            };
                            iccid: string;
                            device_id: string | null;
                            /**
                             * @description Whether it renews at expiry (set at order time: subscriptions[].auto_renew); a string, as subscriptions.md prints it
                             * @enum {unknown}
                             */
                            auto_renew: "true" | "false";
                        };
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/esim/v1/status/subscription/{id}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A PENDING subscription becomes ACTIVE now (deprecated: POST /v1/subscription/{id}/activate)
         * @deprecated
         * @description Activates a PENDING subscription now instead of at its activation date; any other status answers 409 CONFLICT.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer for 24 h; the same key with another request is 409 */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "aG9sZGluZzEyMw",
                         *       "status": "ACTIVE",
                         *       "initialBalance": "5368709120",
                         *       "spentBalance": "1073741824",
                         *       "activationDate": "2026-11-30T09:00:00Z",
                         *       "expirationDate": "2026-12-30T09:00:00Z",
                         *       "createdDate": "2026-11-30T09:00:00Z",
                         *       "product": {
                         *         "id": "a3u3z000000PZBhAAO",
                         *         "name": "Europe 5 GB, 30 days",
                         *         "description": "5 GB of data in 38 European countries for 30 days",
                         *         "period": 30,
                         *         "period_unit": "DAY",
                         *         "data": {
                         *           "value": 5,
                         *           "units": "GB"
                         *         },
                         *         "footprint": [
                         *           "PT",
                         *           "ES",
                         *           "FR",
                         *           "DE",
                         *           "IT"
                         *         ],
                         *         "activeCountries": [
                         *           "PT",
                         *           "ES",
                         *           "FR",
                         *           "DE",
                         *           "IT"
                         *         ],
                         *         "pricing": {
                         *           "EUR": 12.5,
                         *           "USD": 13.9
                         *         },
                         *         "region": "Europe",
                         *         "plan_id": "europe-5gb-30d"
                         *       },
                         *       "iccid": "8944500102198304826",
                         *       "device_id": "123456789",
                         *       "auto_renew": "false"
                         *     }
                         */
                        "application/json": {
                            id: string;
                            status: string;
                            initialBalance: string;
                            spentBalance: string;
                            activationDate: string;
                            expirationDate: string;
                            createdDate: string;
                            /**
                             * @example {
                             *       "id": "a3u3z000000PZBhAAO",
                             *       "name": "Europe 5 GB, 30 days",
                             *       "description": "5 GB of data in 38 European countries for 30 days",
                             *       "period": 30,
                             *       "period_unit": "DAYS",
                             *       "data": {
                             *         "value": 5,
                             *         "units": "GB"
                             *       },
                             *       "footprint": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "activeCountries": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "pricing": {
                             *         "EUR": 12.5
                             *       },
                             *       "region": "europe",
                             *       "plan_id": "europe-5gb-30d",
                             *       "pricing_source": {
                             *         "currency": "EUR",
                             *         "source": "catalogue"
                             *       }
                             *     }
                             * @example {
                             *       "id": "a3u3z000000PZBhAAO",
                             *       "name": "Europe 5 GB, 30 days",
                             *       "description": "5 GB of data in 38 European countries for 30 days",
                             *       "period": 30,
                             *       "period_unit": "DAYS",
                             *       "data": {
                             *         "value": 5,
                             *         "units": "GB"
                             *       },
                             *       "footprint": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "activeCountries": [
                             *         "PT",
                             *         "ES",
                             *         "FR",
                             *         "DE",
                             *         "IT"
                             *       ],
                             *       "pricing": {
                             *         "GBP": 10.75
                             *       },
                             *       "region": "europe",
                             *       "plan_id": "europe-5gb-30d",
                             *       "pricing_source": {
                             *         "currency": "GBP",
                             *         "source": "exchange_rate",
                             *         "from_currency": "EUR",
                             *         "from_amount": 12.5,
                             *         "rate": 0.86,
                             *         "rate_set_at": "2026-11-30T09:00:00Z"
                             *       }
                             *     }
                             */
                            product: {
                                id: string;
                                name: string;
                                description: string;
                                period: number;
                                period_unit: string;
                                data: {
                                    value: number;
                                    units: string;
                                };
                                footprint: string[];
                                activeCountries: string[];
                                pricing: {
                                    [key: string]: number;
                                };
                                region: string;
                                plan_id: string;
                                /** @description cellhub extension: where the price shown comes from: the product's own price in that currency (`catalogue`), or one of its prices converted by an operator's exchange rate (`exchange_rate`, naming the rate). Only on the product routes. */
                                pricing_source?: {
                                    currency: string;
                                    /** @enum {string} */
                                    source: "catalogue";
                                } | {
                                    currency: string;
                                    /** @enum {string} */
                                    source: "exchange_rate";
                                    /** @description The product's own price's currency */
                                    from_currency: string;
                                    /** @description The product's own price */
                                    from_amount: number;
                                    /** @description Units of currency per unit of from_currency */
                                    rate: number;
                                    /** @description When the operator set the rate */
                                    rate_set_at: string;
                                    /**
                                     * @description The operator set the rate the other way round; its inverse was used
                                     * @enum {boolean}
                                     */
                                    inverse?: true;
                                };
                            };
                            iccid: string;
                            device_id: string | null;
                            /**
                             * @description Whether it renews at expiry (set at order time: subscriptions[].auto_renew); a string, as subscriptions.md prints it
                             * @enum {unknown}
                             */
                            auto_renew: "true" | "false";
                        };
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/esim/v1/customer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The client's customer, by email
         * @deprecated
         * @description Answers the client's customer whose `email` matches (without regard to case); another client's customer is 403 ACCESS_DENIED, an unknown email 404 NOT_FOUND.
         */
        get: {
            parameters: {
                query: {
                    email: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "29asdaA3801b4789asdA235=",
                         *       "email": "john@doe.com",
                         *       "firstName": "John",
                         *       "lastName": "Doe",
                         *       "countryOfResidence": "US",
                         *       "language": "EN",
                         *       "phoneNumber": "0044102938120",
                         *       "defaultCurrency": "EUR",
                         *       "type": "BUSINESS",
                         *       "companyName": "TruExample",
                         *       "companyNumber": "123456789",
                         *       "jobTitle": "Software Engineer",
                         *       "billingAddress": {
                         *         "streetAddress1": "25 Cobbleton Square Appartments",
                         *         "streetAddress2": "Cupertino",
                         *         "city": "San Jose",
                         *         "state": "California",
                         *         "postCode": "12345",
                         *         "country": "United States"
                         *       },
                         *       "shippingAddress": {
                         *         "streetAddress1": "25 Cobbleton Square Appartments",
                         *         "streetAddress2": "Cupertino",
                         *         "city": "San Jose",
                         *         "state": "California",
                         *         "postCode": "12345",
                         *         "country": "United States"
                         *       },
                         *       "verified": false
                         *     }
                         */
                        "application/json": {
                            id: string;
                            email: string;
                            firstName: string;
                            lastName: string;
                            countryOfResidence?: string;
                            language?: string;
                            phoneNumber?: string;
                            defaultCurrency?: string;
                            type: string;
                            companyName?: string;
                            companyNumber?: string;
                            jobTitle?: string;
                            billingAddress?: {
                                streetAddress1?: string;
                                streetAddress2?: string;
                                city?: string;
                                state?: string;
                                postCode?: string;
                                country?: string;
                            };
                            shippingAddress?: {
                                streetAddress1?: string;
                                streetAddress2?: string;
                                city?: string;
                                state?: string;
                                postCode?: string;
                                country?: string;
                            };
                            verified: boolean;
                        };
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create the customer this ACCOUNT_MANAGER client acts for (once per client)
         * @deprecated
         * @description Creates the end customer this client acts for: PERSONAL needs `email`, `firstName` and `lastName`; BUSINESS also `companyName`. `defaultCurrency` must be one the reseller prices in (or an exchange rate converts to); `phoneNumber` is international (+44…, 0044…) or national in `countryOfResidence`. A second create answers 409 CONFLICT; a `RESELLER` client is refused (403 ACCESS_DENIED). Orders this client places afterwards belong to the customer.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer for 24 h; the same key with another request is 409 */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Ignored: a customer read and sent back may carry its id */
                        id?: string;
                        email?: string | null;
                        type?: ("PERSONAL" | "BUSINESS" | "BUSSINESS") | null;
                        firstName?: string | null;
                        lastName?: string | null;
                        language?: string | null;
                        countryOfResidence?: string | null;
                        phoneNumber?: string | null;
                        defaultCurrency?: string | null;
                        verified?: boolean | null;
                        billingAddress?: {
                            streetAddress1: string;
                            streetAddress2?: string | null;
                            city: string;
                            state?: string | null;
                            postCode?: string | null;
                            /** @description As the page writes it: a name ("Portugal") or a code */
                            country: string;
                        } | null;
                        shippingAddress?: {
                            streetAddress1: string;
                            streetAddress2?: string | null;
                            city: string;
                            state?: string | null;
                            postCode?: string | null;
                            /** @description As the page writes it: a name ("Portugal") or a code */
                            country: string;
                        } | null;
                        companyName?: string | null;
                        companyNumber?: string | null;
                        jobTitle?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "29asdaA3801b4789asdA235=",
                         *       "email": "john@doe.com",
                         *       "firstName": "John",
                         *       "lastName": "Doe",
                         *       "countryOfResidence": "US",
                         *       "language": "EN",
                         *       "phoneNumber": "0044102938120",
                         *       "defaultCurrency": "EUR",
                         *       "type": "BUSINESS",
                         *       "companyName": "TruExample",
                         *       "companyNumber": "123456789",
                         *       "jobTitle": "Software Engineer",
                         *       "billingAddress": {
                         *         "streetAddress1": "25 Cobbleton Square Appartments",
                         *         "streetAddress2": "Cupertino",
                         *         "city": "San Jose",
                         *         "state": "California",
                         *         "postCode": "12345",
                         *         "country": "United States"
                         *       },
                         *       "shippingAddress": {
                         *         "streetAddress1": "25 Cobbleton Square Appartments",
                         *         "streetAddress2": "Cupertino",
                         *         "city": "San Jose",
                         *         "state": "California",
                         *         "postCode": "12345",
                         *         "country": "United States"
                         *       },
                         *       "verified": false
                         *     }
                         */
                        "application/json": {
                            id: string;
                            email: string;
                            firstName: string;
                            lastName: string;
                            countryOfResidence?: string;
                            language?: string;
                            phoneNumber?: string;
                            defaultCurrency?: string;
                            type: string;
                            companyName?: string;
                            companyNumber?: string;
                            jobTitle?: string;
                            billingAddress?: {
                                streetAddress1?: string;
                                streetAddress2?: string;
                                city?: string;
                                state?: string;
                                postCode?: string;
                                country?: string;
                            };
                            shippingAddress?: {
                                streetAddress1?: string;
                                streetAddress2?: string;
                                city?: string;
                                state?: string;
                                postCode?: string;
                                country?: string;
                            };
                            verified: boolean;
                        };
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        /**
         * The same, with the id in the query string (as the page's examples write it)
         * @deprecated
         * @description The older spelling of `PATCH /v1/customer/{id}`: the id in `?id=`. Answers exactly as the newer one.
         */
        patch: {
            parameters: {
                query: {
                    id: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Ignored: a customer read and sent back may carry its id */
                        id?: string;
                        email?: string | null;
                        type?: ("PERSONAL" | "BUSINESS" | "BUSSINESS") | null;
                        firstName?: string | null;
                        lastName?: string | null;
                        language?: string | null;
                        countryOfResidence?: string | null;
                        phoneNumber?: string | null;
                        defaultCurrency?: string | null;
                        verified?: boolean | null;
                        billingAddress?: {
                            streetAddress1: string;
                            streetAddress2?: string | null;
                            city: string;
                            state?: string | null;
                            postCode?: string | null;
                            /** @description As the page writes it: a name ("Portugal") or a code */
                            country: string;
                        } | null;
                        shippingAddress?: {
                            streetAddress1: string;
                            streetAddress2?: string | null;
                            city: string;
                            state?: string | null;
                            postCode?: string | null;
                            /** @description As the page writes it: a name ("Portugal") or a code */
                            country: string;
                        } | null;
                        companyName?: string | null;
                        companyNumber?: string | null;
                        jobTitle?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "29asdaA3801b4789asdA235=",
                         *       "email": "john@doe.com",
                         *       "firstName": "John",
                         *       "lastName": "Doe",
                         *       "countryOfResidence": "US",
                         *       "language": "EN",
                         *       "phoneNumber": "0044102938120",
                         *       "defaultCurrency": "EUR",
                         *       "type": "BUSINESS",
                         *       "companyName": "TruExample",
                         *       "companyNumber": "123456789",
                         *       "jobTitle": "Software Engineer",
                         *       "billingAddress": {
                         *         "streetAddress1": "25 Cobbleton Square Appartments",
                         *         "streetAddress2": "Cupertino",
                         *         "city": "San Jose",
                         *         "state": "California",
                         *         "postCode": "12345",
                         *         "country": "United States"
                         *       },
                         *       "shippingAddress": {
                         *         "streetAddress1": "25 Cobbleton Square Appartments",
                         *         "streetAddress2": "Cupertino",
                         *         "city": "San Jose",
                         *         "state": "California",
                         *         "postCode": "12345",
                         *         "country": "United States"
                         *       },
                         *       "verified": false
                         *     }
                         */
                        "application/json": {
                            id: string;
                            email: string;
                            firstName: string;
                            lastName: string;
                            countryOfResidence?: string;
                            language?: string;
                            phoneNumber?: string;
                            defaultCurrency?: string;
                            type: string;
                            companyName?: string;
                            companyNumber?: string;
                            jobTitle?: string;
                            billingAddress?: {
                                streetAddress1?: string;
                                streetAddress2?: string;
                                city?: string;
                                state?: string;
                                postCode?: string;
                                country?: string;
                            };
                            shippingAddress?: {
                                streetAddress1?: string;
                                streetAddress2?: string;
                                city?: string;
                                state?: string;
                                postCode?: string;
                                country?: string;
                            };
                            verified: boolean;
                        };
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/esim/v1/customer/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change the customer: fields not sent keep their value, null deletes one
         * @deprecated
         * @description A partial update: fields left out keep their value, a field sent as null is deleted (a required one cannot be). The same rules as at creation apply to the result; `verified` may be set here.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Ignored: a customer read and sent back may carry its id */
                        id?: string;
                        email?: string | null;
                        type?: ("PERSONAL" | "BUSINESS" | "BUSSINESS") | null;
                        firstName?: string | null;
                        lastName?: string | null;
                        language?: string | null;
                        countryOfResidence?: string | null;
                        phoneNumber?: string | null;
                        defaultCurrency?: string | null;
                        verified?: boolean | null;
                        billingAddress?: {
                            streetAddress1: string;
                            streetAddress2?: string | null;
                            city: string;
                            state?: string | null;
                            postCode?: string | null;
                            /** @description As the page writes it: a name ("Portugal") or a code */
                            country: string;
                        } | null;
                        shippingAddress?: {
                            streetAddress1: string;
                            streetAddress2?: string | null;
                            city: string;
                            state?: string | null;
                            postCode?: string | null;
                            /** @description As the page writes it: a name ("Portugal") or a code */
                            country: string;
                        } | null;
                        companyName?: string | null;
                        companyNumber?: string | null;
                        jobTitle?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "29asdaA3801b4789asdA235=",
                         *       "email": "john@doe.com",
                         *       "firstName": "John",
                         *       "lastName": "Doe",
                         *       "countryOfResidence": "US",
                         *       "language": "EN",
                         *       "phoneNumber": "0044102938120",
                         *       "defaultCurrency": "EUR",
                         *       "type": "BUSINESS",
                         *       "companyName": "TruExample",
                         *       "companyNumber": "123456789",
                         *       "jobTitle": "Software Engineer",
                         *       "billingAddress": {
                         *         "streetAddress1": "25 Cobbleton Square Appartments",
                         *         "streetAddress2": "Cupertino",
                         *         "city": "San Jose",
                         *         "state": "California",
                         *         "postCode": "12345",
                         *         "country": "United States"
                         *       },
                         *       "shippingAddress": {
                         *         "streetAddress1": "25 Cobbleton Square Appartments",
                         *         "streetAddress2": "Cupertino",
                         *         "city": "San Jose",
                         *         "state": "California",
                         *         "postCode": "12345",
                         *         "country": "United States"
                         *       },
                         *       "verified": false
                         *     }
                         */
                        "application/json": {
                            id: string;
                            email: string;
                            firstName: string;
                            lastName: string;
                            countryOfResidence?: string;
                            language?: string;
                            phoneNumber?: string;
                            defaultCurrency?: string;
                            type: string;
                            companyName?: string;
                            companyNumber?: string;
                            jobTitle?: string;
                            billingAddress?: {
                                streetAddress1?: string;
                                streetAddress2?: string;
                                city?: string;
                                state?: string;
                                postCode?: string;
                                country?: string;
                            };
                            shippingAddress?: {
                                streetAddress1?: string;
                                streetAddress2?: string;
                                city?: string;
                                state?: string;
                                postCode?: string;
                                country?: string;
                            };
                            verified: boolean;
                        };
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/esim/v1/customer/{customerId}/payment-method": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The customer's payment methods
         * @deprecated
         * @description The payment methods stored for the customer: the gateway's token and what the page shows (name, type, last digits, expiry), each with the `id` that DELETE takes.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    customerId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example [
                         *       {
                         *         "id": "a3jM0000001keW8IAI",
                         *         "token": "1238",
                         *         "name": "John Doe",
                         *         "type": "VISA",
                         *         "last_digits": "1234",
                         *         "expiry_month": "12",
                         *         "expiry_year": "2030",
                         *         "gateway": "TRUPHONE"
                         *       }
                         *     ]
                         */
                        "application/json": {
                            id: string;
                            token: string;
                            name?: string;
                            type: string;
                            last_digits: string;
                            expiry_month: string;
                            expiry_year: string;
                            gateway: string;
                        }[];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Add a payment method: the gateway's token and the card's last digits and expiry; never a card number or security code
         * @deprecated
         * @description Stores a payment method. A field that looks like a full card number (13 to 19 digits passing the Luhn check) or any security-code field is refused with 400 naming the field, and never stored or logged; an expired card is refused too.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer for 24 h; the same key with another request is 409 */
                    "idempotency-key"?: string;
                };
                path: {
                    customerId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "token": "1238",
                     *       "name": "John Doe",
                     *       "type": "VISA",
                     *       "last_digits": "1234",
                     *       "expiry_month": "12",
                     *       "expiry_year": "2030",
                     *       "gateway": "TRUPHONE"
                     *     }
                     */
                    "application/json": {
                        /** @description The payment gateway's token for the card */
                        token: string;
                        name?: string | null;
                        /** @description VISA, MASTERCARD, … */
                        type: string;
                        last_digits: string;
                        expiry_month: string;
                        expiry_year: string;
                        /** @description CYBERSOURCE, TRUPHONE, … */
                        gateway: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "a3jM0000001keW8IAI"
                         *     }
                         */
                        "application/json": {
                            id: string;
                        };
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/esim/v1/customer/{customerId}/payment-method/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a payment method
         * @deprecated
         * @description Deletes one of the customer's payment methods (204); an unknown one is 404 NOT_FOUND.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    customerId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `ACCESS_DENIED`: the organization holds no licence for this API (Enterprise), the client's role does not cover it, or (Connect) the resource belongs to another organization. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "ACCESS_DENIED",
                         *       "messages": [
                         *         "this client holds no licence for the subscriptions API"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `TOO_MANY_REQUESTS`: the client's rate limit for this endpoint (1,000 a minute by default; see the `x-rate-limit-*` headers), the organization's requests in flight, or failed authentications are exhausted. `Retry-After` says when to try again. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "TOO_MANY_REQUESTS",
                         *       "messages": [
                         *         "rate limit of 1000 requests a minute reached; retry in 12 s"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operator/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List organizations
         * @description Every organization (tenant) with its licences.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Page size */
                    limit?: number;
                    /** @description Opaque cursor from a `next` link */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create an organization
         * @description Creates an organization (a tenant of both API families); give it licences and API clients next.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer for 24 h; the same key with another request is 409 */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "name": "Acme Logistics",
                     *       "licences": [
                     *         "accounts",
                     *         "subscribers",
                     *         "subscriptions",
                     *         "orders",
                     *         "order_templates",
                     *         "products",
                     *         "usage",
                     *         "sms"
                     *       ]
                     *     }
                     */
                    "application/json": {
                        name: string;
                        licences?: ("accounts" | "subscribers" | "subscriptions" | "orders" | "order_templates" | "products" | "usage" | "sms")[];
                    };
                };
            };
            responses: {
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operator/organizations/{org}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an organization
         * @description One organization with its licences.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    org: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operator/organizations/{org}/licences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set an organization's licences
         * @description Replaces the organization's licences: which Enterprise APIs its clients may call (accounts, subscribers, subscriptions, orders, order_templates, products, usage, sms) and Connect.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    org: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "licences": [
                     *         "accounts",
                     *         "subscriptions",
                     *         "orders",
                     *         "usage"
                     *       ]
                     *     }
                     */
                    "application/json": {
                        licences: ("accounts" | "subscribers" | "subscriptions" | "orders" | "order_templates" | "products" | "usage" | "sms")[];
                    };
                };
            };
            responses: {
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operator/organizations/{org}/clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List API clients
         * @description The organization's API clients (no secrets).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    org: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create an API client; the secret is shown only in this answer
         * @description Creates an API client in one realm (`enterprise-apis` or `tru-staff` with a role); the answer holds its `client_secret`, stored only hashed and never shown again (a retry with the same `Idempotency-Key` within 24 h replays it, from an answer stored sealed).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer for 24 h; the same key with another request is 409 */
                    "idempotency-key"?: string;
                };
                path: {
                    org: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "name": "Acme HR integration",
                     *       "family": "enterprise",
                     *       "licences": [
                     *         "subscribers",
                     *         "subscriptions",
                     *         "orders"
                     *       ]
                     *     }
                     */
                    "application/json": {
                        name: string;
                        /** @enum {unknown} */
                        family: "enterprise" | "connect";
                        /** @enum {unknown} */
                        role?: "RESELLER" | "ACCOUNT_MANAGER";
                        licences?: ("accounts" | "subscribers" | "subscriptions" | "orders" | "order_templates" | "products" | "usage" | "sms")[];
                    };
                };
            };
            responses: {
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operator/organizations/{org}/clients/{clientId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Disable an API client
         * @description Disables an API client: its tokens stop working and its credentials get no new ones.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    org: string;
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operator/organizations/{org}/sms-senders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List authorized SMS senders
         * @description The numbers the organization may send SMS from.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    org: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Authorize an SMS sender number
         * @description Adds a number to the organization's SMS sender allow list; it must be the number of one of its active subscriptions to send.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer for 24 h; the same key with another request is 409 */
                    "idempotency-key"?: string;
                };
                path: {
                    org: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "msisdn": "+447700900000"
                     *     }
                     */
                    "application/json": {
                        msisdn: string;
                    };
                };
            };
            responses: {
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operator/organizations/{org}/sms-senders/{msisdn}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an SMS sender number
         * @description Removes a number from the SMS sender allow list.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    org: string;
                    msisdn: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operator/organizations/{org}/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List accounts
         * @description The organization's business accounts.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Page size */
                    limit?: number;
                    /** @description Opaque cursor from a `next` link */
                    cursor?: string;
                };
                header?: never;
                path: {
                    org: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a business account
         * @description Creates a business account (`acc_`) for the organization.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer for 24 h; the same key with another request is 409 */
                    "idempotency-key"?: string;
                };
                path: {
                    org: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "name": "Acme Logistics UK",
                     *       "country": "GB",
                     *       "reference_code": "ACME-UK-001"
                     *     }
                     */
                    "application/json": {
                        name: string;
                        /** @description ISO 3166-1 alpha-2 */
                        country: string;
                        reference_code?: string;
                    };
                };
            };
            responses: {
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operator/organizations/{org}/offerings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List product offerings
         * @description The organization's product offerings (plans and add-ons) with their allowances and rating terms.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Page size */
                    limit?: number;
                    /** @description Opaque cursor from a `next` link */
                    cursor?: string;
                };
                header?: never;
                path: {
                    org: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a product offering (plan or add-on)
         * @description Creates a plan or add-on: allowances per usage type and how usage is rated (free, in bundle, out of bundle, voice increments).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer for 24 h; the same key with another request is 409 */
                    "idempotency-key"?: string;
                };
                path: {
                    org: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "type": "plan",
                     *       "name": "UK Unlimited 20 GB",
                     *       "description": "Unlimited UK calls and texts, 20 GB of data a month",
                     *       "data_bytes": 21474836480,
                     *       "voice_seconds": null,
                     *       "sms_count": null,
                     *       "validity_days": 30,
                     *       "price": "25.00",
                     *       "currency": "GBP",
                     *       "footprint": [
                     *         "GB"
                     *       ],
                     *       "voice_increment_seconds": 60
                     *     }
                     */
                    "application/json": {
                        /** @enum {unknown} */
                        type: "plan" | "add_on";
                        name: string;
                        description?: string;
                        data_bytes?: number | null;
                        voice_seconds?: number | null;
                        sms_count?: number | null;
                        validity_days: number;
                        price: string;
                        currency: string;
                        footprint?: string[];
                        voice_increment_seconds?: number;
                        data_increment_bytes?: number;
                    };
                };
            };
            responses: {
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operator/organizations/{org}/order-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List order templates
         * @description The organization's order templates.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Page size */
                    limit?: number;
                    /** @description Opaque cursor from a `next` link */
                    cursor?: string;
                };
                header?: never;
                path: {
                    org: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create an order template
         * @description Creates an order template: an account, offerings and the number pool of new subscriptions.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer for 24 h; the same key with another request is 409 */
                    "idempotency-key"?: string;
                };
                path: {
                    org: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "description": "UK employee: unlimited calls and texts, 20 GB",
                     *       "offering_ids": [
                     *         "prodoff_01J00000000000000000000001"
                     *       ],
                     *       "number_pool_id": "pool_01J00000000000000000000005",
                     *       "services": [
                     *         "voice",
                     *         "sms",
                     *         "data"
                     *       ]
                     *     }
                     */
                    "application/json": {
                        description: string;
                        offering_ids: string[];
                        number_pool_id?: string;
                        services?: ("voice" | "sms" | "data" | "roaming")[];
                    };
                };
            };
            responses: {
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operator/sims": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List SIM inventory
         * @description SIMs in the inventory with their type and state.
         */
        get: {
            parameters: {
                query?: {
                    state?: string;
                    /** @description Page size */
                    limit?: number;
                    /** @description Opaque cursor from a `next` link */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Import ICCIDs into the SIM inventory
         * @description Adds SIM profiles (ICCIDs, eSIM or physical) to the inventory that orders draw from; ICCIDs already there are skipped.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer for 24 h; the same key with another request is 409 */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "sim_type": "esim",
                     *       "iccids": [
                     *         "8944500102198304826"
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** @enum {unknown} */
                        sim_type: "esim" | "psim";
                        iccids: string[];
                    };
                };
            };
            responses: {
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operator/sims/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Count SIMs by type and state
         * @description How many SIMs of each type are in each state, for watching stock.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operator/number-pools": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List number pools with their counts
         * @description Number pools (MSISDN ranges by country) with how many numbers are free, held and in quarantine.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a number pool
         * @description Creates a pool of MSISDNs for a country, which order templates draw new subscriptions' numbers from.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer for 24 h; the same key with another request is 409 */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "name": "London mobile",
                     *       "country": "GB"
                     *     }
                     */
                    "application/json": {
                        name: string;
                        /** @description ISO 3166-1 alpha-2 */
                        country: string;
                    };
                };
            };
            responses: {
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operator/number-pools/{id}/numbers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import MSISDNs into a number pool
         * @description Adds numbers (E.164 digits) to a pool; numbers already there are skipped.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer for 24 h; the same key with another request is 409 */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "msisdns": [
                     *         "447700900123",
                     *         "447700900124"
                     *       ]
                     *     }
                     */
                    "application/json": {
                        msisdns: string[];
                    };
                };
            };
            responses: {
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operator/sims/{iccid}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Simulate a device event on a SIM profile (as the SM-DP+ would report it)
         * @description Reports a download, install, enable, disable or delete of an eSIM as the SM-DP+ would, to move a profile through its states in a sandbox.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer for 24 h; the same key with another request is 409 */
                    "idempotency-key"?: string;
                };
                path: {
                    iccid: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "event": "installed",
                     *       "eid": "89049032004008882600019002596666"
                     *     }
                     */
                    "application/json": {
                        /** @enum {unknown} */
                        event: "downloaded" | "installed" | "deleted";
                        eid?: string;
                    };
                };
            };
            responses: {
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operator/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List orders across organizations (e.g. the failed ones)
         * @description Enterprise and Connect orders of every organization, filtered by status and organization.
         */
        get: {
            parameters: {
                query?: {
                    status?: "pending" | "completed" | "failed" | "canceled";
                    organization_id?: string;
                    /** @description Page size */
                    limit?: number;
                    /** @description Opaque cursor from a `next` link */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operator/orders/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retry a failed order from the start
         * @description Runs a failed order's fulfilment again from the start; only a failed order (409 otherwise).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer for 24 h; the same key with another request is 409 */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operator/mail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List mail: sent, or kept in the outbox when no SMTP server is configured
         * @description eSIM delivery mail: what was sent, or kept in the outbox when `SMTP_URL` is unset.
         */
        get: {
            parameters: {
                query?: {
                    state?: "queued" | "sent" | "outbox" | "failed";
                    /** @description Page size */
                    limit?: number;
                    /** @description Opaque cursor from a `next` link */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operator/mail/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show one mail with its body and attachments
         * @description One mail with its text, HTML and attachments (the eSIM's QR code).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operator/usage/records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ingest up to 10000 usage records (duplicates by source_record_id are ignored)
         * @description Each record is rated to the subscription that held its `msisdn` (or, without one, its `iccid`) when it started, with the products in force then, however late it arrives (up to 400 days): a reused number's earlier holder, a swapped-out SIM's subscription and a terminated subscription get their own late usage. The answer counts what was rated, ignored as a duplicate and refused; each refusal has the record's `index` and a `reason` naming the field, such as `msisdn: 447700900123 was held by no subscription at 2026-11-30T10:00:00.000Z` (before its first holding, in quarantine, after a termination or a swap) or `… suspended at … (services barred)`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "records": [
                     *         {
                     *           "source_record_id": "cdr-2026-11-30-000001",
                     *           "msisdn": "447700900123",
                     *           "type": "voice",
                     *           "direction": "outbound",
                     *           "quantity": 45,
                     *           "unit": "seconds",
                     *           "location_country": "GB",
                     *           "started_at": "2026-11-30T09:15:22Z",
                     *           "ended_at": "2026-11-30T09:16:07Z",
                     *           "other_party": "447700900456",
                     *           "technology": "VoLTE",
                     *           "is_recorded": false
                     *         },
                     *         {
                     *           "source_record_id": "cdr-2026-11-30-000002",
                     *           "msisdn": "447700900123",
                     *           "type": "data",
                     *           "direction": "outbound",
                     *           "quantity": 52428800,
                     *           "unit": "bytes",
                     *           "location_country": "FR",
                     *           "started_at": "2026-11-30T10:00:00Z",
                     *           "ended_at": "2026-11-30T10:30:00Z",
                     *           "technology": "4G"
                     *         },
                     *         {
                     *           "source_record_id": "cdr-2026-11-30-000003",
                     *           "iccid": "8944500102198304826",
                     *           "type": "sms",
                     *           "direction": "outbound",
                     *           "quantity": "1",
                     *           "location_country": "gb",
                     *           "started_at": "2026-11-30T11:00:00+00:00",
                     *           "ended_at": "",
                     *           "is_recorded": "false"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        records: {
                            /** @description Mediation's id of the record (1 to 128 characters, trimmed). A record whose id was rated before is counted as a duplicate and ignored. */
                            source_record_id: string;
                            /** @description The subscriber's number, E.164 digits (8 to 15, a leading + allowed). Either `msisdn` or `iccid` is required; the record goes to whoever held the number when it started. */
                            msisdn?: string;
                            /** @description The SIM (19 digits from 89, Luhn check digit); used without `msisdn`, and for Connect SIMs (their data records draw on the balances). */
                            iccid?: string;
                            /**
                             * @description voice, data or sms
                             * @enum {unknown}
                             */
                            type: "voice" | "data" | "sms";
                            /** @enum {unknown} */
                            direction: "inbound" | "outbound";
                            /** @description If given, must be the unit of the type: seconds (voice), bytes (data), messages (sms) */
                            unit?: string;
                            /** @description In the unit of the type: a whole number, 0 or more (digits in a string are taken too) */
                            quantity: number | string;
                            /** @description ISO 3166 alpha-2 code of where the subscriber was (roaming when not the home country) */
                            location_country: string;
                            /** @description ISO 8601 date-time with an offset; at most 400 days ago and at most a day ahead */
                            started_at: string;
                            /** @description Not before started_at; absent, null or empty: started_at */
                            ended_at?: string | null;
                            /** @description The other number, up to 15 digits */
                            other_party?: string | null;
                            /** @description e.g. 4G, 5G, VoLTE (at most 16 characters) */
                            technology?: string | null;
                            /** @description true or "true" for a recorded call; anything else is false */
                            is_recorded?: boolean | string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "received": 3,
                         *       "accepted": 2,
                         *       "duplicates": 0,
                         *       "rejected": 1,
                         *       "items": 2,
                         *       "rejections": [
                         *         {
                         *           "index": 2,
                         *           "source_record_id": "cdr-2026-11-30-000003",
                         *           "reason": "iccid: 8944500102198304826 was held by no subscription at 2026-11-30T11:00:00.000Z"
                         *         }
                         *       ]
                         *     }
                         */
                        "application/json": {
                            /** @description records in the batch */
                            received: number;
                            /** @description records rated now */
                            accepted: number;
                            /** @description records rated before (same source_record_id), or repeated in the batch: ignored */
                            duplicates: number;
                            rejected: number;
                            /** @description usage items written (a record straddling the end of an allowance makes two) */
                            items: number;
                            rejections: {
                                index: number;
                                source_record_id: string | null;
                                reason: string;
                            }[];
                        };
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operator/usage/lines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The active subscriptions' primary numbers, for traffic simulators (`cellhub simulate`)
         * @description The primary numbers of active subscriptions with their home country, optionally of one organization: what `cellhub simulate` makes traffic for.
         */
        get: {
            parameters: {
                query?: {
                    organization_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operator/webhooks/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List webhook deliveries, newest first
         * @description Webhook deliveries of every organization with their status (pending, delivered, failed) and attempts so far.
         */
        get: {
            parameters: {
                query?: {
                    status?: "pending" | "delivered" | "failed";
                    organization_id?: string;
                    /** @description Page size */
                    limit?: number;
                    /** @description Opaque cursor from a `next` link */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operator/webhooks/deliveries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Show a delivery with every attempt
         * @description One delivery with its payload and every attempt (status code, error, duration).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operator/webhooks/deliveries/{id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a delivery again, from the start of the retry schedule, with the same webhook-id
         * @description Queues a delivery again from the start of the retry schedule; the receiver can de-duplicate it by its unchanged `webhook-id`.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer for 24 h; the same key with another request is 409 */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operator/organizations/{org}/webhook-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Follow the organization's webhook events as they are made (what `cellhub listen` reads)
         * @description The organization's webhook deliveries made after `after` (a delivery id), oldest first, each with its body exactly as the receiver gets it; with `wait`, the answer is held up to that many seconds until there is one (a long poll). Without `after`, answers no events and the cursor of now, to follow from. Events of transactions that commit late may sort before the cursor: a follower asks again from a little earlier now and then, and drops the ids it has seen.
         */
        get: {
            parameters: {
                query?: {
                    /** @description the `next_cursor` of the previous answer, or a delivery id */
                    after?: string;
                    /** @description seconds to hold the answer while there is no event */
                    wait?: number;
                    limit?: number;
                };
                header?: never;
                path: {
                    org: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "items": [
                         *         {
                         *           "id": "msg_01JQ7Z8X4N6V2D5R3T9W1YB0KC",
                         *           "event_type": "USAGE_THRESHOLD",
                         *           "created_at": "2026-11-30T10:00:00.000Z",
                         *           "correlation_id": "import-2026-11-30",
                         *           "body": "{\"id\":\"q2Vh0dYk3b8fXl1mP7sR4tW9zA6cE5gJ0nK2uQ8yB1o=\",\"type\":\"USAGE_THRESHOLD\",\"iccid\":\"8944990000000000017\",\"threshold\":80,\"current_balance\":\"214748364\",\"expiration_date\":\"2026-12-30T10:00:00.000Z\",\"subscription_id\":\"Xb3r9Lq0sT6vN2mK8pW4yH1cJ7fD5gA0eR3uZ9iO2kM=\"}"
                         *         }
                         *       ],
                         *       "next_cursor": "msg_01JQ7Z8X4N6V2D5R3T9W1YB0KC"
                         *     }
                         */
                        "application/json": {
                            items: {
                                /** @description the delivery id, sent as `webhook-id` */
                                id: string;
                                event_type: string;
                                /** Format: date-time */
                                created_at: string;
                                /** @description the X-Correlation-ID of the request that caused the event */
                                correlation_id: string | null;
                                /** @description the JSON body, exactly as the receiver gets it and as its signature covers it */
                                body: string;
                            }[];
                            /** @description pass as `after` to follow what comes next */
                            next_cursor: string;
                        };
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operator/organizations/{org}/webhook-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organization's whsec_ secret, to verify webhook signatures with
         * @description The organization's current Standard Webhooks secret (`whsec_…`), which the receiver verifies `webhook-signature` with.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    org: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operator/organizations/{org}/webhook-secret/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replace the signing secret; deliveries from now on use the new one
         * @description Rotates the organization's webhook signing secret (a new generation); deliveries from now on are signed with the new one. A retry with the same `Idempotency-Key` replays the first answer (stored sealed) and does not rotate again.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer for 24 h; the same key with another request is 409 */
                    "idempotency-key"?: string;
                };
                path: {
                    org: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operator/organizations/{org}/connect-products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a reseller's Connect products
         * @description The reseller's Connect catalogue as the operator manages it.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    org: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Add a product to a reseller's Connect catalogue
         * @description Adds a data plan to the reseller's catalogue: data allowance, period, footprint, prices per currency.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer for 24 h; the same key with another request is 409 */
                    "idempotency-key"?: string;
                };
                path: {
                    org: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "plan_id": "default",
                     *       "name": "Europe 5 GB",
                     *       "description": "5 GB of data across Europe for 30 days",
                     *       "period": 30,
                     *       "period_unit": "DAYS",
                     *       "data": {
                     *         "value": 5,
                     *         "units": "GB"
                     *       },
                     *       "footprint": [
                     *         "DE",
                     *         "ES",
                     *         "FR",
                     *         "GB",
                     *         "IT",
                     *         "NL",
                     *         "PT"
                     *       ],
                     *       "pricing": {
                     *         "EUR": 14,
                     *         "GBP": 12
                     *       },
                     *       "region": "europe"
                     *     }
                     */
                    "application/json": {
                        /** @description The catalogue it belongs to (default: "default") */
                        plan_id?: string;
                        name: string;
                        description?: string;
                        period: number;
                        /** @enum {unknown} */
                        period_unit: "DAYS" | "MONTHS";
                        data: {
                            value: number;
                            /** @enum {unknown} */
                            units?: "MB" | "GB";
                            /**
                             * @description Alias of units (the spelling of products.md)
                             * @enum {unknown}
                             */
                            unit?: "MB" | "GB";
                        };
                        footprint: string[];
                        activeCountries?: string[];
                        /** @description Price per ISO 4217 currency, e.g. {"EUR": 10} */
                        pricing: {
                            [key: string]: number;
                        };
                        region: string;
                    };
                };
            };
            responses: {
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operator/organizations/{org}/sandbox/advance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a reseller's time forward: its subscriptions' activation and expiry come that much closer, and what is due happens now
         * @description Sandbox clock: brings the reseller's subscriptions' activation and expiry dates closer by the given days and hours, then runs what is due (activations, expiries, SUBSCRIPTION_END notifications).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer for 24 h; the same key with another request is 409 */
                    "idempotency-key"?: string;
                };
                path: {
                    org: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "seconds": 604800
                     *     }
                     */
                    "application/json": {
                        seconds: number;
                    };
                };
            };
            responses: {
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operator/demo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Seed the demo organizations (once; idempotent) and answer every demo credential
         * @description Seeds Acme Logistics and Globex Health with accounts, subscriptions, usage and a Connect catalogue (once), and answers their credentials for both API families.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operator/signing-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a token signing key: it signs from now on, older keys keep verifying
         * @description Rotates the token signing key: a new key signs from now on; older ones stay in the JWKS and keep verifying the tokens they signed.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer for 24 h; the same key with another request is 409 */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operator/organizations/{org}/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a reseller's Connect customers (oldest first), each with the ACCOUNT_MANAGER client acting for it
         * @description The reseller organization's Connect customers, oldest first, as `{items: [...]}`, each with the id and name of the ACCOUNT_MANAGER client that acts for it; `limit` 1 to 1000, `offset` from 0.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path: {
                    org: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operator/organizations/{org}/connect-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A Connect reseller's settings
         * @description The settings the operator keeps for a reseller: `topup_requires_country_code` (off by default: a TOPUP without `countryCode` is taken).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    org: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "organization_id": "org_01JBCG33BC2PS4J76JN685GN56",
                         *       "topup_requires_country_code": false,
                         *       "updated_at": null
                         *     }
                         */
                        "application/json": {
                            organization_id: string;
                            /** @description Whether a TOPUP order must carry countryCode (orders.md: "configurable"); false by default */
                            topup_requires_country_code: boolean;
                            /** @description When the operator last changed them; null while they are the defaults */
                            updated_at: string | null;
                        };
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a Connect reseller's settings
         * @description Changes the settings given; the others keep their value. `topup_requires_country_code: true` makes a TOPUP order without `countryCode` a 400 naming `input.countryCode` (orders.md marks it "configurable"); a NEW_ESIM always needs it.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    org: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "topup_requires_country_code": true
                     *     }
                     */
                    "application/json": {
                        topup_requires_country_code?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "organization_id": "org_01JBCG33BC2PS4J76JN685GN56",
                         *       "topup_requires_country_code": false,
                         *       "updated_at": null
                         *     }
                         */
                        "application/json": {
                            organization_id: string;
                            /** @description Whether a TOPUP order must carry countryCode (orders.md: "configurable"); false by default */
                            topup_requires_country_code: boolean;
                            /** @description When the operator last changed them; null while they are the defaults */
                            updated_at: string | null;
                        };
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/operator/exchange-rates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The exchange rates Connect converts prices with
         * @description Every rate the operator set, as `{items: [...]}`. A Connect product is shown in the currency asked for (EUR by default) at its own price in it, else at one of its prices converted by a rate (the answer's `pricing_source` says which); a rate also converts back (1 / rate) unless the reverse is set too.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                from_currency: string;
                                to_currency: string;
                                /** @description Units of to_currency one unit of from_currency is worth */
                                rate: number;
                                set_at: string;
                            }[];
                        };
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operator/exchange-rates/{from_currency}/{to_currency}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set an exchange rate: one unit of {from_currency} is worth `rate` units of {to_currency}
         * @description Sets or replaces a rate between two ISO 4217 currencies. Products are converted with it from then on; prices already charged keep their amount.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description ISO 4217, e.g. EUR */
                    from_currency: string;
                    /** @description ISO 4217, e.g. USD */
                    to_currency: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "rate": 1.08
                     *     }
                     */
                    "application/json": {
                        /** @description Units of {to_currency} per unit of {from_currency} (up to 10 decimals) */
                        rate: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "from_currency": "EUR",
                         *       "to_currency": "USD",
                         *       "rate": 1.08,
                         *       "set_at": "2026-11-30T09:00:00.000Z"
                         *     }
                         */
                        "application/json": {
                            from_currency: string;
                            to_currency: string;
                            /** @description Units of to_currency one unit of from_currency is worth */
                            rate: number;
                            set_at: string;
                        };
                    };
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /**
         * Remove an exchange rate
         * @description Removes the rate from {from_currency} to {to_currency} (204); prices no other rate reaches can no longer be shown in {to_currency}.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description ISO 4217, e.g. EUR */
                    from_currency: string;
                    /** @description ISO 4217, e.g. USD */
                    to_currency: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/es2plus/gsma/rsp2/es2plus/handleDownloadProgressInfo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * ES2+ HandleDownloadProgressInfo: the SM-DP+ reports a profile event
         * @description GSMA SGP.22 ES2+ callback: the SM-DP+ reports a profile's download, installation, enabling or deletion, authenticated with `SMDP_CALLBACK_TOKEN`. Not for partners.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "header": {
                     *         "functionRequesterIdentifier": "smdp.cellhub.local",
                     *         "functionCallIdentifier": "hdpi-0001"
                     *       },
                     *       "eid": "89049032004008882600019002596666",
                     *       "iccid": "8944500102198304826",
                     *       "profileType": "cellhub",
                     *       "timestamp": "2026-11-30T09:05:00Z",
                     *       "notificationPointId": 4,
                     *       "notificationPointStatus": {
                     *         "status": "Executed-Success"
                     *       }
                     *     }
                     */
                    "application/json": {
                        header: {
                            functionRequesterIdentifier: string;
                            functionCallIdentifier: string;
                        };
                        eid?: string;
                        iccid: string;
                        profileType: string;
                        timestamp: string;
                        notificationPointId: number;
                        notificationPointStatus: {
                            status: string;
                        };
                        resultData?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description `INVALID_HTTP_MESSAGE`: the body is not parseable JSON, has the wrong content type, or a field of the wrong JSON type. `INVALID_REQUEST_PARAMS`: parsed but wrong: a missing required field, a pattern mismatch, an unknown enum value, a value out of range, an unknown referenced id, a cursor from another query. Each message names the field as the client wrote it (`to[3]`, `subscriber.email`, `limit`). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "INVALID_REQUEST_PARAMS",
                         *       "messages": [
                         *         "to[3]: must match ^(\\+\\d{1,15}|\\d{1,15})$"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `UNAUTHORISED`: the bearer token is missing, malformed, expired, badly signed, of the other realm, or its client is disabled. Answered with `WWW-Authenticate: Bearer`. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "UNAUTHORISED",
                         *       "messages": [
                         *         "authorization: a bearer token is required"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `NOT_FOUND`: no such resource in this organization (another organization's resource, in the Enterprise API, and a malformed id in a path answer the same). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "NOT_FOUND",
                         *       "messages": [
                         *         "subscription sub_01HTJA47C93ABKKR58T05JBAJB not found"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `CONFLICT`: not allowed in the resource's current state (delete an installed SIM, resume an active subscription, retry an order that has not failed), or an `Idempotency-Key` reused with another body, or sent again while its first request is still running. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "type": "CONFLICT",
                         *       "messages": [
                         *         "idempotency-key: was already used with another request"
                         *       ]
                         *     }
                         */
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description The error model of both API families */
        Error: {
            /** @enum {unknown} */
            type: "INVALID_HTTP_MESSAGE" | "INVALID_REQUEST_PARAMS" | "UNAUTHORISED" | "ACCESS_DENIED" | "NOT_FOUND" | "UNACCEPTABLE" | "CONFLICT" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR";
            messages: string[];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
