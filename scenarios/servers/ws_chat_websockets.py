#!/usr/bin/env python3
"""A WebSocket chat relay on the websockets library and asyncio (Debian: python3-websockets).

Every text message a client sends goes, as a text message, to every other connected client;
binary messages are not relayed. No compression, no server pings.
Usage: /usr/bin/python3 ws_chat_websockets.py --port N [--host 127.0.0.1]
"""
import argparse
import asyncio
import signal

import websockets

clients = set()


async def relay(websocket):
    clients.add(websocket)
    try:
        async for message in websocket:
            if isinstance(message, str):
                # broadcast() writes to each open connection without waiting for any of them, so
                # a slow client cannot hold the others up (its messages queue in its buffer).
                websockets.broadcast((c for c in clients if c is not websocket), message)
    except websockets.ConnectionClosed:
        pass
    finally:
        clients.discard(websocket)


async def serve(host, port):
    stop = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set_result, None)
    # Any path is accepted; websockets sets TCP_NODELAY (asyncio does by default).
    server = await websockets.serve(relay, host, port, compression=None, ping_interval=None, backlog=4096)
    print(f"websockets chat listening on {host}:{port}", flush=True)
    await stop
    server.close()  # SIGTERM: stop listening and leave; asyncio.run cancels the connections


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args()
    asyncio.run(serve(args.host, args.port))


if __name__ == "__main__":
    main()
