package io.camunda.zeebe.process.test.engine;

import io.camunda.search.clients.SearchClientsProxy;
import io.camunda.security.auth.BrokerRequestAuthorizationConverter;
import io.camunda.security.configuration.SecurityConfiguration;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.engine.Engine;
import io.camunda.zeebe.engine.EngineConfiguration;
import io.camunda.zeebe.engine.processing.EngineProcessors;
import io.camunda.zeebe.engine.processing.message.command.SubscriptionCommandSender;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.logstreams.storage.LogStorage;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.camunda.zeebe.scheduler.ActorScheduler;
import io.camunda.zeebe.scheduler.clock.ControlledActorClock;
import io.camunda.zeebe.stream.impl.ControllableStreamClockImpl;
import io.camunda.zeebe.stream.impl.StreamProcessor;
import io.camunda.zeebe.util.FeatureFlags;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.util.List;
import org.interlend.workflows.engine.state.LocalState;

/**
 * Puts the Zeebe in-memory engine together as {@code EngineFactory} of zeebe-process-test-engine
 * does, with three differences that a long-running local runtime needs: the log storage is given
 * (Interlend's compacting storage, not the test engine's list that keeps every record and is not
 * safe to read while it grows); the state store is Interlend's {@link LocalState} (the test
 * engine's copies the whole store for every range walk, so each step costs in proportion to all the
 * engine holds); and the gRPC gateway binds to the address given, not to every interface.
 *
 * <p>It lives in the test engine's package because the gateway, the job streamer and the response
 * writer it reuses are package-private there. It is the only class in this package; everything else
 * about the local engine is in {@code org.interlend.workflows.engine}. Check it when the engine
 * version changes.
 */
public final class LocalEngineAssembly {

  private static final int PARTITION_ID = 1;
  private static final int PARTITION_COUNT = 1;

  /** The parts of a running local engine, to be started and stopped by their owner. */
  public record Parts(
      Server grpcServer,
      StreamProcessor streamProcessor,
      LogStream logStream,
      ActorScheduler scheduler,
      ControlledActorClock clock,
      ZeebeDb<ZbColumnFamilies> database) {}

  private LocalEngineAssembly() {}

  /**
   * Builds the engine over {@code storage}, its gateway listening on {@code address}; the actor
   * scheduler is started, nothing else.
   */
  public static Parts assemble(
      InetSocketAddress address, LogStorage storage, int actorThreads, int ioThreads) {
    ControlledActorClock clock = new ControlledActorClock();
    ActorScheduler scheduler =
        ActorScheduler.newActorScheduler()
            .setActorClock(clock)
            .setCpuBoundActorThreadCount(actorThreads)
            .setIoBoundActorThreadCount(ioThreads)
            .setSchedulerName("local-engine")
            .build();
    scheduler.start();

    LogStream logStream =
        LogStream.builder()
            .withPartitionId(PARTITION_ID)
            .withLogStorage(storage)
            .withClock(clock)
            .withMeterRegistry(new SimpleMeterRegistry())
            .build();

    CommandWriter commandWriter = new CommandWriter(logStream.newLogStreamWriter());
    CommandSender commandSender = new CommandSender(commandWriter);
    GatewayRequestStore requests = new GatewayRequestStore();
    InMemoryJobStreamer jobStreamer = new InMemoryJobStreamer(commandWriter);
    GrpcToLogStreamGateway gateway =
        new GrpcToLogStreamGateway(
            commandWriter, PARTITION_ID, PARTITION_COUNT, address.getPort(), requests, jobStreamer);
    Server grpcServer = NettyServerBuilder.forAddress(address).addService(gateway).build();
    GrpcResponseWriter responses = new GrpcResponseWriter(gateway, requests, null);

    ZeebeDb<ZbColumnFamilies> database = new LocalState<>();
    SecurityConfiguration security = new SecurityConfiguration();
    security.getAuthorizations().setEnabled(false);
    StreamProcessor processor =
        StreamProcessor.builder()
            .logStream(logStream)
            .zeebeDb(database)
            .commandResponseWriter(responses)
            .partitionCommandSender(commandSender)
            .recordProcessors(
                List.of(
                    new Engine(
                        context ->
                            EngineProcessors.createEngineProcessors(
                                context,
                                PARTITION_COUNT,
                                new SubscriptionCommandSender(
                                    context.getPartitionId(), commandSender),
                                commandSender,
                                FeatureFlags.createDefault(),
                                jobStreamer,
                                SearchClientsProxy.noop(),
                                new BrokerRequestAuthorizationConverter(security)),
                        new EngineConfiguration(),
                        security)))
            .actorSchedulingService(scheduler)
            .clock(new ControllableStreamClockImpl(clock))
            .meterRegistry(new SimpleMeterRegistry())
            .build();
    return new Parts(grpcServer, processor, logStream, scheduler, clock, database);
  }
}
