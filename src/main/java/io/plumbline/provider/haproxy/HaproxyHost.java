package io.plumbline.provider.haproxy;

import io.plumbline.model.LoadedEnvironment;
import io.plumbline.render.haproxy.HaproxyPaths;

/** Everything that reaches one environment's HAProxy: its files, its master and its runtime API. */
record HaproxyHost(HaproxyPaths paths, ConfigFiles files, MasterCli master, RuntimeApi runtime,
                   UnconfirmedReload unconfirmed, Reloader reloader, ServerCommands servers) {

    static HaproxyHost of(LoadedEnvironment env, HaproxyOptions options) {
        HaproxyPaths paths = HaproxyLocations.of(env, options);
        WritableFolders folders = new WritableFolders(options.allowedFolders());
        ConfigFiles files = new ConfigFiles(paths.config(), new ConfigCheck(options.haproxyBinary()), folders);
        MasterCli master = new MasterCli(paths.masterSocket());
        RuntimeApi runtime = new RuntimeApi(paths.runtimeSocket());
        UnconfirmedReload unconfirmed = new UnconfirmedReload(paths.config(), folders);
        Reloader reloader = new Reloader(files, master, runtime, new ServerStateFile(paths.stateFile(), folders),
                unconfirmed, options.reloadTimeout());
        return new HaproxyHost(paths, files, master, runtime, unconfirmed, reloader,
                new ServerCommands(runtime, options.drainTimeout()));
    }
}
