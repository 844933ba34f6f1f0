package dev.docket.adapter.http.users;

import java.util.List;

/** {@code {"keys": [...]}}. */
record KeyList(List<KeyView> keys) {}
