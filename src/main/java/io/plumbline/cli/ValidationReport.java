package io.plumbline.cli;

import io.plumbline.load.LoadResult;
import java.io.PrintWriter;

/** Prints the result of loading environment files. */
interface ValidationReport {
    void print(LoadResult result, PrintWriter out);
}
