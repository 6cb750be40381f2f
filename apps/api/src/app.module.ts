import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { LoggerModule, PinoLogger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DestinationStream } from 'pino';
import { AppConfigModule, type AppConfig } from '#app/config';
import { buildDataSourceOptions, PersistenceModule } from '#app/persistence';
import { AuthModule } from './auth/auth.module.js';
import type { RequestWithPrincipal } from './auth/auth.decorators.js';
import { LoadersFactory, type GraphQLContext } from './graphql/context.js';
import { createFormatError } from './graphql/format-error.js';
import { GraphiqlController } from './graphql/graphiql.controller.js';
import { HttpErrorFilter } from './graphql/http-error.filter.js';
import { responseStatusPlugin } from './graphql/response-status.plugin.js';
import { variableNestingPlugin } from './graphql/variable-nesting.plugin.js';
import { DayLiteralFieldRule, dayVariablesPlugin } from './graphql/day-input.js';
import { DatabaseProbe } from './health/database-probe.js';
import { Drain } from './health/drain.js';
import { HealthController } from './health/health.controller.js';
import { graphqlMetricsPlugin } from './metrics/graphql-metrics.plugin.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { MetricsService } from './metrics/metrics.service.js';
import { CommonModule } from './common/common.module.js';
import { AccessModule } from './modules/access/access.module.js';
import { AsyeModule } from './modules/asye/asye.module.js';
import { ComplianceModule } from './modules/compliance/compliance.module.js';
import { NodeModule } from './modules/node/node.module.js';
import { NotificationsModule } from './modules/notifications/notifications.module.js';
import { SupervisionModule } from './modules/supervision/supervision.module.js';
import { AssessorRelationshipsModule } from './modules/assessor-relationships/assessor-relationships.module.js';
import { AttachmentsModule } from './modules/attachments/attachments.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { CredentialsModule } from './modules/credentials/credentials.module.js';
import { PortfolioExportsModule } from './modules/portfolio-exports/portfolio-exports.module.js';
import { ModerationModule } from './modules/moderation/moderation.module.js';
import { FrameworkExchangeModule } from './modules/framework-exchange/framework-exchange.module.js';
import { FrameworkRemappingModule } from './modules/framework-remapping/framework-remapping.module.js';
import { InsightModule } from './modules/insight/insight.module.js';
import { SubjectAccessModule } from './modules/subject-access/subject-access.module.js';
import { FrameworksModule } from './modules/frameworks/frameworks.module.js';
import { OrganisationModule } from './modules/organisation/organisation.module.js';
import { InvitationsModule } from './modules/invitations/invitations.module.js';
import { ContributionsModule } from './modules/contributions/contributions.module.js';
import { PortfolioModule } from './modules/portfolio/portfolio.module.js';
import { ProgressionModule } from './modules/progression/progression.module.js';
import { QualificationsModule } from './modules/qualifications/qualifications.module.js';

@Module({ providers: [LoadersFactory], exports: [LoadersFactory] })
class GraphQLContextModule {}

export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  /** Where the log goes instead of standard output as JSON (tests read it; development shows it readable). */
  logDestination?: DestinationStream;
}

@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl, logDestination }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        CommonModule,
        AccessModule,
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.log.level,
            // A sane incoming id is kept (a load balancer's), otherwise a new one; either way the client
            // gets it back in x-request-id, to quote when reporting a problem.
            genReqId: (req: IncomingMessage, res: ServerResponse) => {
              const given = req.headers['x-request-id'];
              const id = typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
              res.setHeader('x-request-id', id);
              return id;
            },
            // Method, path and status only: no headers (tokens, cookies), bodies or query strings
            // (personal data); of an error, its type only (a database error's message quotes values).
            serializers: {
              err: (err: { type?: unknown }) => ({ type: err.type }),
              req: (req: { id: unknown; method: string; url: string }) => ({
                id: req.id,
                method: req.method,
                path: req.url.split('?')[0],
              }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
            autoLogging: {
              ignore: (req: IncomingMessage) => /^\/(health|metrics)(\/|\?|$)/.test(req.url ?? ''),
            },
            ...(logDestination ? { stream: logDestination } : {}),
          },
        }),
        TypeOrmModule.forRoot(buildDataSourceOptions({ url: databaseUrl, poolSize: config.db.poolSize })),
        PersistenceModule,
        MetricsModule,
        GraphQLContextModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [GraphQLContextModule],
          inject: [LoadersFactory, PinoLogger, MetricsService],
          useFactory: (loaders: LoadersFactory, logger: PinoLogger, metrics: MetricsService) => {
            const armor = new ApolloArmor({
              maxDepth: { n: config.graphql.maxDepth },
              costLimit: { maxCost: config.graphql.maxCost },
              maxAliases: { n: 15 },
              maxDirectives: { n: 20 },
              // Token flood: limited by the parser below. Armor's plugin threw from a hook, so every
              // syntax error and flood was answered with HTTP 500.
              maxTokens: { enabled: false },
              blockFieldSuggestion: { enabled: !config.graphql.introspection },
            }).protect();
            return {
              // In memory: the committed schema.gql is the test suite's to check and rewrite
              // (UPDATE_SCHEMA=1), so starting the API never changes a file of the checkout.
              autoSchemaFile: true,
              sortSchema: true,
              introspection: config.graphql.introspection,
              playground: false,
              includeStacktraceInErrorResponses: false,
              allowBatchedHttpRequests: false,
              parseOptions: { maxTokens: 2_000 },
              // No cache hints are used; Apollo's implicit cache-control plugin wrapped every field
              // resolver (a portfolio page: about 12% more requests/s without it, over 6 runs each).
              plugins: [
                ...(armor.plugins as NonNullable<ApolloDriverConfig['plugins']>),
                ApolloServerPluginCacheControlDisabled(),
                variableNestingPlugin(),
                dayVariablesPlugin(),
                responseStatusPlugin(),
                graphqlMetricsPlugin(metrics),
              ],
              validationRules: [...armor.validationRules, DayLiteralFieldRule],
              formatError: createFormatError(() => logger.logger, { frames: !config.isProduction }),
              context: ({ req }: { req: RequestWithPrincipal }): GraphQLContext => ({
                req,
                loaders: loaders.create(req),
              }),
            };
          },
        }),
        AuthModule,
        OrganisationModule,
        InvitationsModule,
        ContributionsModule,
        AssessorRelationshipsModule,
        FrameworksModule,
        QualificationsModule,
        PortfolioModule,
        ProgressionModule,
        NodeModule,
        AttachmentsModule,
        AuditModule,
        CredentialsModule,
        PortfolioExportsModule,
        ModerationModule,
        FrameworkExchangeModule,
        FrameworkRemappingModule,
        InsightModule,
        SubjectAccessModule,
        ComplianceModule,
        AsyeModule,
        SupervisionModule,
        NotificationsModule,
      ],
      controllers: [HealthController, ...(config.graphql.playground ? [GraphiqlController] : [])],
      providers: [{ provide: APP_FILTER, useClass: HttpErrorFilter }, Drain, DatabaseProbe],
    };
  }
}
