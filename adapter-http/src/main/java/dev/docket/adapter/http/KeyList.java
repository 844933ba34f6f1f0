package dev.docket.adapter.http;

import java.util.List;

/** {@code {"keys": [...]}}. */
record KeyList(List<KeyView> keys) {}
