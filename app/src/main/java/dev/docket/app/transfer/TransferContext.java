package dev.docket.app.transfer;

import java.io.PrintWriter;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the transfer commands take from the command line they are registered on: its streams, the
 * options every command has ({@code --db}, {@code --json}; read when a command runs, after
 * parsing), the environment, whether a person watches the terminal, and how stores are opened.
 */
public record TransferContext(
    PrintWriter out,
    PrintWriter err,
    Supplier<String> db,
    BooleanSupplier json,
    Function<String, String> env,
    BooleanSupplier interactive,
    StoreOpener stores) {}
