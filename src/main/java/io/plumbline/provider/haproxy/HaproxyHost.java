package io.plumbline.provider.haproxy;

import io.plumbline.model.LoadedEnvironment;
import io.plumbline.provider.Fence;
import io.plumbline.render.haproxy.HaproxyPaths;

/**
 * Everything that reaches one environment's HAProxy: its files, its master, its runtime API and the records of its
 * migrations by steps.
 */
record HaproxyHost(HaproxyPaths paths, ConfigFiles files, MasterCli master, RuntimeApi runtime,
                   UnconfirmedReload unconfirmed, Reloader reloader, ServerCommands servers,
                   MigrationRecords migrations) {

    /** For reading: observe and plan write nothing. */
    static HaproxyHost of(LoadedEnvironment env, HaproxyOptions options) {
        return of(env, options, Fence.NONE);
    }

    /** Every file it writes and every command it sends asks {@code fence} first. */
    static HaproxyHost of(LoadedEnvironment env, HaproxyOptions options, Fence fence) {
        HaproxyPaths paths = HaproxyLocations.of(env, options);
        WritableFolders folders = new WritableFolders(options.allowedFolders(), fence);
        ConfigFiles files = new ConfigFiles(paths.config(), new ConfigCheck(options.haproxyBinary()), folders);
        MasterCli master = new MasterCli(paths.masterSocket(), fence);
        RuntimeApi runtime = new RuntimeApi(paths.runtimeSocket(), fence);
        UnconfirmedReload unconfirmed = new UnconfirmedReload(paths.config(), folders);
        Reloader reloader = new Reloader(files, master, runtime, new ServerStateFile(paths.stateFile(), folders),
                unconfirmed, options.reloadTimeout());
        return new HaproxyHost(paths, files, master, runtime, unconfirmed, reloader,
                new ServerCommands(runtime, options.drainTimeout()), new MigrationRecords(paths.stateFile(), folders));
    }
}
