import { Controller, Get, Header, NotFoundException, Param, Res } from '@nestjs/common';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators.js';

const require = createRequire(import.meta.url);

/** Files served from the installed packages, so the page works offline (no CDN). */
const fileOf = (pkg: string, file: string) => join(dirname(require.resolve(`${pkg}/package.json`)), file);
const ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  'react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript' },
  'graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  'graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Pathways GraphiQL</title>
  <link rel="stylesheet" href="/graphiql/assets/graphiql.css">
  <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
</head>
<body>
  <div id="graphiql">Loading…</div>
  <script src="/graphiql/assets/react.js"></script>
  <script src="/graphiql/assets/react-dom.js"></script>
  <script src="/graphiql/assets/graphiql.js"></script>
  <script>
    const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, {
        fetcher,
        defaultEditorToolsVisibility: true,
        defaultQuery: '# Sign in first (mutation login), then add the header\\n# { "Authorization": "Bearer <accessToken>" }\\n{ frameworks { code name } }\\n',
      }),
    );
  </script>
</body>
</html>`;

/** A self-hosted GraphiQL page, mounted in development only (see AppModule). */
@Public()
@Controller('graphiql')
export class GraphiqlController {
  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  page() {
    return PAGE;
  }

  @Get('assets/:name')
  asset(@Param('name') name: string, @Res() res: Response) {
    const asset = ASSETS[name];
    if (!asset) throw new NotFoundException();
    res.type(asset.type).sendFile(fileOf(asset.pkg, asset.file));
  }
}
