import { serveFile } from '@lifelong/core';
import type { CommunityRegistrar } from '../config.js';
import * as contract from './contract.js';
import * as service from './service.js';

/** Serves posts: publishing, reading, and files attached to them. */
export function registerPosts(p: CommunityRegistrar): void {
  p.route(contract.createPost, async ({ body }, ctx) => ({ status: 201, body: await service.createPost(ctx, body) }));
  p.route(contract.listPosts, async ({ query }, ctx) => ({ status: 200, body: await service.listPosts(ctx, query) }));
  p.route(contract.getPost, async ({ params }, ctx) => ({
    status: 200,
    body: await service.getPost(ctx, params.postId),
  }));
  p.route(contract.attachFile, async ({ params, query, upload }, ctx) => ({
    status: 200,
    body: await service.attachPostFile(ctx, params.postId, upload, query.name),
  }));
  p.route(contract.getFile, async ({ params }, ctx) => ({
    response: await serveFile(ctx.files, ctx.c.req.raw, await service.fileToServe(ctx, params.postId)),
  }));
}
