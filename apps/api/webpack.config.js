const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

module.exports = {
  output: {
    path: join(__dirname, '../../dist/apps/api'),
    clean: true,
    ...(process.env.NODE_ENV !== 'production' && {
      devtoolModuleFilenameTemplate: '[absolute-resource-path]',
    }),
  },
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      // Command-line entry points beside the server: migrations (and the recovery CLI).
      additionalEntryPoints: [
        { entryName: 'migrate', entryPath: 'apps/api/src/migrate.ts' },
        { entryName: 'cli', entryPath: 'apps/api/src/cli/cli.ts' },
      ],
      tsConfig: './tsconfig.app.json',
      assets: [],
      optimization: false,
      outputHashing: 'none',
      generatePackageJson: true,
      // tsc's helpers (importHelpers) are required at run time, but Nx 23.2 misses them when it
      // writes dist/apps/api/package.json (it reads the tsconfig from the wrong folder).
      runtimeDependencies: ['tslib'],
      sourceMap: true,
    }),
  ],
};
