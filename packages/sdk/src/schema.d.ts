// The types of every path, request and response of the API.
// Generated from cellhub's /openapi.json by `npm run sdk:generate`; do not edit.

export interface paths {
    "/auth/realms/{realm}/.well-known/openid-configuration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** OpenID discovery document */
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
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** The realm's token signing keys (JWKS) */
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
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** Issue an access token (client credentials or refresh token grant) */
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
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            messages: string[];
                            /** @description RFC 6749 error code */
                            error?: string;
                            error_description?: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            messages: string[];
                            /** @description RFC 6749 error code */
                            error?: string;
                            error_description?: string;
                        };
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** List accounts */
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
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** Get an account */
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
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** List subscribers */
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
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** Get a subscriber */
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
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** List subscriptions */
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
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** Get a subscription */
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
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** Get a subscription's phone numbers */
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
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** Get a subscription's services */
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
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** Get a subscription's SIM profile */
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
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** The eSIM activation code as a QR code (PNG) */
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
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/png": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/png": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/png": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** The eSIM activation code as a QR code (SVG) */
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
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/svg+xml": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/svg+xml": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/svg+xml": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** List order templates */
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
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** Get an order template */
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
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** List products */
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
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** Get a product */
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
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** List orders */
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
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Place an order (answers at once; fulfilment is asynchronous) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer for 24 h */
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
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** Get an order */
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
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** List itemized usage events, newest first */
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
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** Send an SMS to up to 1,000 recipients (answers at once; delivery is asynchronous) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer for 24 h */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
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
                        "application/json": {
                            sms_id: string;
                            id: string;
                        };
                    };
                };
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** Get a message with the delivery status of each recipient */
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
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** List the products this reseller sells */
        get: {
            parameters: {
                query?: {
                    plan_id?: string;
                    /** @description Shows the price in this currency only (alias targetCurrency) */
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
                        }[];
                    };
                };
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** Get one of this reseller's products */
        get: {
            parameters: {
                query?: {
                    /** @description Shows the price in this currency only (alias targetCurrency) */
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
                        };
                    };
                };
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** List the products this reseller sells */
        get: {
            parameters: {
                query?: {
                    plan_id?: string;
                    /** @description Shows the price in this currency only (alias targetCurrency) */
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
                        }[];
                    };
                };
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** Get one of this reseller's products */
        get: {
            parameters: {
                query?: {
                    /** @description Shows the price in this currency only (alias targetCurrency) */
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
                        };
                    };
                };
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** List orders, newest first */
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
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Order a new eSIM (NEW_ESIM) or more subscriptions on one (TOPUP) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer for 24 h */
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
                            /** @description ISO 3166-1 alpha-2 */
                            countryCode: string;
                            customer?: {
                                /** Format: email */
                                email: string;
                            } & {
                                [key: string]: unknown;
                            };
                            device?: {
                                id: string;
                                /** @enum {unknown} */
                                type: "ios" | "android" | "iot";
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
                        "application/json": {
                            id: string;
                            externalId: string;
                            status: string;
                        };
                    };
                };
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** Get an order; a completed one carries the eSIM it made */
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
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** List the SIM profiles this reseller sold */
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
                        "application/json": {
                            id: string;
                            url: string;
                        }[];
                    };
                };
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** A SIM profile's details */
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
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Bind the profile to another device (EID), while Released or Unavailable */
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
                        "application/json": Record<string, never>;
                    };
                };
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /** Take back a SIM profile never installed and never used (its subscriptions go with it) */
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
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** The SIM profile's subscriptions, newest first */
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
                            };
                            iccid: string;
                            device_id: string | null;
                        }[];
                    };
                };
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
                            };
                            iccid: string;
                            device_id: string | null;
                        }[];
                    };
                };
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** Where the SIM profile's notifications go */
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
                        "application/json": {
                            notifications: {
                                type: string;
                                webhook_url: string;
                            }[];
                        };
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** Send the SIM profile's notifications of a type (USAGE_THRESHOLD, SUBSCRIPTION_END) to a webhook */
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
                        "application/json": Record<string, never>;
                    };
                };
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Send the SIM profile's notifications of a type (USAGE_THRESHOLD, SUBSCRIPTION_END) to a webhook */
        post: {
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
                        "application/json": Record<string, never>;
                    };
                };
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Stop a type of notification */
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
                        "application/json": Record<string, never>;
                    };
                };
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** List subscriptions, newest first */
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
                            };
                            iccid: string;
                            device_id: string | null;
                        }[];
                    };
                };
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** A subscription with its balance */
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
                            status: string;
                            initialBalance: string;
                            spentBalance: string;
                            activationDate: string;
                            expirationDate: string;
                            createdDate: string;
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
                            };
                            iccid: string;
                            device_id: string | null;
                        };
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** A PENDING subscription becomes ACTIVE now */
        post: {
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
                            status: string;
                            initialBalance: string;
                            spentBalance: string;
                            activationDate: string;
                            expirationDate: string;
                            createdDate: string;
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
                            };
                            iccid: string;
                            device_id: string | null;
                        };
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** List subscriptions, newest first */
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
                            };
                            iccid: string;
                            device_id: string | null;
                        }[];
                    };
                };
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** A subscription with its balance */
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
                            status: string;
                            initialBalance: string;
                            spentBalance: string;
                            activationDate: string;
                            expirationDate: string;
                            createdDate: string;
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
                            };
                            iccid: string;
                            device_id: string | null;
                        };
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** A PENDING subscription becomes ACTIVE now */
        post: {
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
                            status: string;
                            initialBalance: string;
                            spentBalance: string;
                            activationDate: string;
                            expirationDate: string;
                            createdDate: string;
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
                            };
                            iccid: string;
                            device_id: string | null;
                        };
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
         */
        post: {
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
                            status: string;
                            initialBalance: string;
                            spentBalance: string;
                            activationDate: string;
                            expirationDate: string;
                            createdDate: string;
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
                            };
                            iccid: string;
                            device_id: string | null;
                        };
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** The client's customer, by email */
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
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create the customer this ACCOUNT_MANAGER client acts for (once per client) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer for 24 h */
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
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        /** The same, with the id in the query string (as the page's examples write it) */
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
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** Change the customer: fields not sent keep their value, null deletes one */
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
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** The customer's payment methods */
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
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Add a payment method: the gateway's token and the card's last digits and expiry; never a card number or security code */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer for 24 h */
                    "idempotency-key"?: string;
                };
                path: {
                    customerId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
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
                        "application/json": {
                            id: string;
                        };
                    };
                };
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** Remove a payment method */
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
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
         */
        get: {
            parameters: {
                query?: {
                    plan_id?: string;
                    /** @description Shows the price in this currency only (alias targetCurrency) */
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
                        }[];
                    };
                };
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
         */
        get: {
            parameters: {
                query?: {
                    /** @description Shows the price in this currency only (alias targetCurrency) */
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
                        };
                    };
                };
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
         */
        get: {
            parameters: {
                query?: {
                    plan_id?: string;
                    /** @description Shows the price in this currency only (alias targetCurrency) */
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
                        }[];
                    };
                };
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
         */
        get: {
            parameters: {
                query?: {
                    /** @description Shows the price in this currency only (alias targetCurrency) */
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
                        };
                    };
                };
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Order a new eSIM (NEW_ESIM) or more subscriptions on one (TOPUP)
         * @deprecated
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer for 24 h */
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
                            /** @description ISO 3166-1 alpha-2 */
                            countryCode: string;
                            customer?: {
                                /** Format: email */
                                email: string;
                            } & {
                                [key: string]: unknown;
                            };
                            device?: {
                                id: string;
                                /** @enum {unknown} */
                                type: "ios" | "android" | "iot";
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
                        "application/json": {
                            id: string;
                            externalId: string;
                            status: string;
                        };
                    };
                };
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
                        "application/json": {
                            id: string;
                            url: string;
                        }[];
                    };
                };
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /**
         * Bind the profile to another device (EID), while Released or Unavailable
         * @deprecated
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
                        "application/json": Record<string, never>;
                    };
                };
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /**
         * Take back a SIM profile never installed and never used (its subscriptions go with it)
         * @deprecated
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
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
                            };
                            iccid: string;
                            device_id: string | null;
                        }[];
                    };
                };
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
                            };
                            iccid: string;
                            device_id: string | null;
                        }[];
                    };
                };
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
                        "application/json": {
                            notifications: {
                                type: string;
                                webhook_url: string;
                            }[];
                        };
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
                        "application/json": Record<string, never>;
                    };
                };
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /**
         * Send the SIM profile's notifications of a type (USAGE_THRESHOLD, SUBSCRIPTION_END) to a webhook
         * @deprecated
         */
        post: {
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
                        "application/json": Record<string, never>;
                    };
                };
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /**
         * Stop a type of notification
         * @deprecated
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
                        "application/json": Record<string, never>;
                    };
                };
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
                            };
                            iccid: string;
                            device_id: string | null;
                        }[];
                    };
                };
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
                            status: string;
                            initialBalance: string;
                            spentBalance: string;
                            activationDate: string;
                            expirationDate: string;
                            createdDate: string;
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
                            };
                            iccid: string;
                            device_id: string | null;
                        };
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
         */
        post: {
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
                            status: string;
                            initialBalance: string;
                            spentBalance: string;
                            activationDate: string;
                            expirationDate: string;
                            createdDate: string;
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
                            };
                            iccid: string;
                            device_id: string | null;
                        };
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
                            };
                            iccid: string;
                            device_id: string | null;
                        }[];
                    };
                };
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
                            status: string;
                            initialBalance: string;
                            spentBalance: string;
                            activationDate: string;
                            expirationDate: string;
                            createdDate: string;
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
                            };
                            iccid: string;
                            device_id: string | null;
                        };
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
         */
        post: {
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
                            status: string;
                            initialBalance: string;
                            spentBalance: string;
                            activationDate: string;
                            expirationDate: string;
                            createdDate: string;
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
                            };
                            iccid: string;
                            device_id: string | null;
                        };
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
         */
        post: {
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
                            status: string;
                            initialBalance: string;
                            spentBalance: string;
                            activationDate: string;
                            expirationDate: string;
                            createdDate: string;
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
                            };
                            iccid: string;
                            device_id: string | null;
                        };
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create the customer this ACCOUNT_MANAGER client acts for (once per client)
         * @deprecated
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer for 24 h */
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
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Add a payment method: the gateway's token and the card's last digits and expiry; never a card number or security code
         * @deprecated
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer for 24 h */
                    "idempotency-key"?: string;
                };
                path: {
                    customerId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
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
                        "application/json": {
                            id: string;
                        };
                    };
                };
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description ACCESS_DENIED: no licence or role for this API */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description TOO_MANY_REQUESTS, with Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** List organizations */
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
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create an organization */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        licences?: ("accounts" | "subscribers" | "subscriptions" | "orders" | "order_templates" | "products" | "usage" | "sms")[];
                    };
                };
            };
            responses: {
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** Get an organization */
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
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** Set an organization's licences */
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
                    "application/json": {
                        licences: ("accounts" | "subscribers" | "subscriptions" | "orders" | "order_templates" | "products" | "usage" | "sms")[];
                    };
                };
            };
            responses: {
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** List API clients */
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
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create an API client; the secret is shown only in this answer */
        post: {
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
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** Disable an API client */
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
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** List authorized SMS senders */
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
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Authorize an SMS sender number */
        post: {
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
                    "application/json": {
                        msisdn: string;
                    };
                };
            };
            responses: {
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** Revoke an SMS sender number */
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
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** List accounts */
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
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a business account */
        post: {
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
                    "application/json": {
                        name: string;
                        /** @description ISO 3166-1 alpha-2 */
                        country: string;
                        reference_code?: string;
                    };
                };
            };
            responses: {
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** List product offerings */
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
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a product offering (plan or add-on) */
        post: {
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
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** List order templates */
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
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create an order template */
        post: {
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
                    "application/json": {
                        description: string;
                        offering_ids: string[];
                        number_pool_id?: string;
                        services?: ("voice" | "sms" | "data" | "roaming")[];
                    };
                };
            };
            responses: {
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** List SIM inventory */
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
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Import ICCIDs into the SIM inventory */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {unknown} */
                        sim_type: "esim" | "psim";
                        iccids: string[];
                    };
                };
            };
            responses: {
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** Count SIMs by type and state */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** List number pools with their counts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a number pool */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @description ISO 3166-1 alpha-2 */
                        country: string;
                    };
                };
            };
            responses: {
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** Import MSISDNs into a number pool */
        post: {
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
                        msisdns: string[];
                    };
                };
            };
            responses: {
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** Simulate a device event on a SIM profile (as the SM-DP+ would report it) */
        post: {
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
                    "application/json": {
                        /** @enum {unknown} */
                        event: "downloaded" | "installed" | "deleted";
                        eid?: string;
                    };
                };
            };
            responses: {
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** List orders across organizations (e.g. the failed ones) */
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
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** Retry a failed order from the start */
        post: {
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
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** List mail: sent, or kept in the outbox when no SMTP server is configured */
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
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** Show one mail with its body and attachments */
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
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
                    "application/json": {
                        records: unknown[];
                    };
                };
            };
            responses: {
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** The active subscriptions' primary numbers, for traffic simulators (`cellhub simulate`) */
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
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** List webhook deliveries, newest first */
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
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** Show a delivery with every attempt */
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
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** Send a delivery again, from the start of the retry schedule, with the same webhook-id */
        post: {
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
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
    "/operator/organizations/{org}/webhook-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization's whsec_ secret, to verify webhook signatures with */
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
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** Replace the signing secret; deliveries from now on use the new one */
        post: {
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
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** List a reseller's Connect products */
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
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Add a product to a reseller's Connect catalogue */
        post: {
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
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** Move a reseller's time forward: its subscriptions' activation and expiry come that much closer, and what is due happens now */
        post: {
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
                    "application/json": {
                        seconds: number;
                    };
                };
            };
            responses: {
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** Seed the demo organizations (once; idempotent) and answer every demo credential */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** Add a token signing key: it signs from now on, older keys keep verifying */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
        /** List a reseller's Connect customers (oldest first), each with the ACCOUNT_MANAGER client acting for it */
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
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
    "/es2plus/gsma/rsp2/es2plus/handleDownloadProgressInfo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** ES2+ HandleDownloadProgressInfo: the SM-DP+ reports a profile event */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
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
                /** @description INVALID_HTTP_MESSAGE or INVALID_REQUEST_PARAMS, naming the field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description UNAUTHORISED: token missing, malformed, expired or of another realm */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description NOT_FOUND */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description CONFLICT: not allowed in the resource's current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
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
