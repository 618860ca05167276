// Reaches the vtex.render-runtime test double through jest (not by importing __mocks__ directly).
interface RuntimeDouble {
  navigate: jest.Mock
  setQuery: jest.Mock
  goBack: jest.Mock
}

interface RuntimeMock {
  setRuntime: (partial: Record<string, unknown>) => RuntimeDouble
}

export const setRuntime = (partial: Record<string, unknown>) =>
  jest.requireMock<RuntimeMock>('vtex.render-runtime').setRuntime(partial)
