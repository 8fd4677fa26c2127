import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { ACCESS_METADATA } from '../src/auth/access.decorator.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe('every route', () => {
  it('declares who may call it with @Access (deny by default)', () => {
    const reflector = t.app.get(Reflector);
    const routes: string[] = [];
    const missing: string[] = [];
    for (const wrapper of t.app.get(DiscoveryService).getControllers()) {
      const controller = wrapper.metatype as (new (...args: unknown[]) => unknown) | undefined;
      if (!controller) continue;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name] as unknown;
        if (name === 'constructor' || typeof handler !== 'function') continue;
        if (Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
        const route = `${controller.name}.${name} ${String(Reflect.getMetadata(PATH_METADATA, handler))}`;
        routes.push(route);
        if (!reflector.getAllAndOverride(ACCESS_METADATA, [handler as () => void, controller])) missing.push(route);
      }
    }
    expect(routes.length).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });
});
